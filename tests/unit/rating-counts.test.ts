import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { filmRatingCounts, films, ratings, users } from '@/db/schema'
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

describe('film_rating_counts triggers', () => {
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
    await db.update(ratings).set({ score: 3 }).where(eq(ratings.userId, a))
    expect(await counts()).toEqual({ 8: 1, 3: 1 })
    await db.delete(ratings).where(eq(ratings.userId, a))
    expect(await counts()).toEqual({ 8: 1 })
    await db.delete(users).where(eq(users.id, b))
    expect(await counts()).toEqual({})
  })

  it('refuses scores outside 1–10', async () => {
    const [person] = await db.insert(users).values({ email: 'c@example.test' }).returning()
    await expect(
      db.insert(ratings).values({ userId: person!.id, filmId, score: 11, ratedAt: new Date() }),
    ).rejects.toThrow()
    expect(await db.get(sql`select count(*) as n from ratings where user_id = ${person!.id}`)).toEqual({ n: 0 }) // prettier-ignore
  })
})
