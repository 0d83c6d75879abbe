import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { filmRatingCounts, filmRatingTotals, films, ratings, users } from '@/db/schema'
import { recountedRatingTotals, storedRatingTotals } from '../helpers/rating-totals'
import { createTestDatabase } from '../helpers/test-db'

const db = await createTestDatabase({ seed: true })
const [film] = await db.select({ id: films.id }).from(films).where(eq(films.slug, 'liberation'))
const filmId = film!.id

async function counts() {
  const rows = await db
    .select({ score: filmRatingCounts.score, count: filmRatingCounts.count })
    .from(filmRatingCounts)
    .where(eq(filmRatingCounts.filmId, filmId))
  return Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.score, r.count]))
}

async function totals() {
  const [row] = await db
    .select({ count: filmRatingTotals.ratingCount, average: filmRatingTotals.average })
    .from(filmRatingTotals)
    .where(eq(filmRatingTotals.filmId, filmId))
  expect(await storedRatingTotals(db)).toEqual(await recountedRatingTotals(db))
  return row
}

describe('film_rating_counts and film_rating_totals triggers', () => {
  it('follow inserts, score changes, deletes and deleted accounts', async () => {
    const people = await db
      .insert(users)
      .values([{ email: 'a@example.test' }, { email: 'b@example.test' }])
      .returning({ id: users.id })
    const [a, b] = people.map((p) => p.id) as [string, string]
    const now = new Date()
    await db.insert(ratings).values([
      { userId: a, filmId, score: 8, ratedAt: now },
      { userId: b, filmId, score: 8, ratedAt: now },
    ])
    expect(await counts()).toEqual({ 8: 2 })
    expect(await totals()).toEqual({ count: 2, average: 4 })
    await db.update(ratings).set({ score: 3 }).where(eq(ratings.userId, a))
    expect(await counts()).toEqual({ 8: 1, 3: 1 })
    expect(await totals()).toEqual({ count: 2, average: 2.75 })
    await db.delete(ratings).where(eq(ratings.userId, a))
    expect(await counts()).toEqual({ 8: 1 })
    expect(await totals()).toEqual({ count: 1, average: 4 })
    await db.delete(users).where(eq(users.id, b))
    expect(await counts()).toEqual({})
    expect(await totals()).toEqual({ count: 0, average: null })
  })

  it('follow a rating moved to another film', async () => {
    const [other] = await db
      .select({ id: films.id })
      .from(films)
      .where(eq(films.slug, 'the-ascent'))
    const [person] = await db.insert(users).values({ email: 'd@example.test' }).returning()
    await db.insert(ratings).values({ userId: person!.id, filmId, score: 5, ratedAt: new Date() })
    await db
      .update(ratings)
      .set({ filmId: other!.id, score: 6 })
      .where(eq(ratings.userId, person!.id))
    expect(await counts()).toEqual({})
    expect(await totals()).toEqual({ count: 0, average: null })
  })

  it('give every film a totals row that follows its sort title and goes with it', async () => {
    const [added] = await db
      .insert(films)
      .values({ slug: 'a-new-film', title: 'A New Film', yearStart: 1960, sortTitle: 'new film' })
      .returning({ id: films.id })
    const row = () => db.select().from(filmRatingTotals).where(eq(filmRatingTotals.filmId, added!.id)) // prettier-ignore
    expect(await row()).toEqual([
      { filmId: added!.id, sortTitle: 'new film', ratingCount: 0, halfStarSum: 0, average: null },
    ])
    await db.update(films).set({ sortTitle: 'newer film' }).where(eq(films.id, added!.id))
    expect(await row()).toMatchObject([{ sortTitle: 'newer film' }])
    expect(await storedRatingTotals(db)).toEqual(await recountedRatingTotals(db))
    await db.delete(films).where(eq(films.id, added!.id))
    expect(await row()).toEqual([])
  })

  it('refuses scores outside 1–10', async () => {
    const [person] = await db.insert(users).values({ email: 'c@example.test' }).returning()
    await expect(
      db.insert(ratings).values({ userId: person!.id, filmId, score: 11, ratedAt: new Date() }),
    ).rejects.toThrow()
    expect(await db.get(sql`select count(*) as n from ratings where user_id = ${person!.id}`)).toEqual({ n: 0 }) // prettier-ignore
  })
})
