import { eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openDatabaseFile, type Database } from '@/db/client'
import { searchCatalogue } from '@/db/catalogue'
import { parseCatalogueQuery } from '@/db/catalogue-query'
import { deleteRating, findRating, ratingSummaryOf, saveRating } from '@/db/ratings'
import { filmRatingCounts, films, ratings, users } from '@/db/schema'
import { deleteUser, type Viewer } from '@/db/users'
import { averageText, starsLabel } from '@/components/rating/rating-format'
import { recountedRatingTotals, storedRatingTotals } from '../helpers/rating-totals'
import { createTestDatabase } from '../helpers/test-db'
import { ratingRows } from '../helpers/people'

const db = await createTestDatabase({ seed: 'ten' })
const catalogue = await db.select({ id: films.id, slug: films.slug }).from(films)
function film(slug: string) {
  const found = catalogue.find((f) => f.slug === slug)
  if (!found) throw new Error(`${slug} is not in the seeded catalogue`)
  return found
}
const cranes = film('the-cranes-are-flying')
const ascent = film('the-ascent')
const liberation = film('liberation')
const ballad = film('ballad-of-a-soldier')
const stalingrad = film('the-battle-of-stalingrad')
const filmIds = new Set(catalogue.map((f) => f.id))

let people = 0
async function newPerson(): Promise<Viewer> {
  const email = `rater${++people}@example.test`
  const [row] = await db.insert(users).values({ email }).returning({ id: users.id })
  return { id: row!.id }
}

// Validated input, as the actions pass it (the form's rules are tested in rating-actions.test.ts).
type Film = { id: number }
const rate = (person: Viewer, { id }: Film, score: number, on: Database = db) =>
  saveRating(person, { filmId: id, score }, on)
const unrate = (person: Viewer, { id }: Film, on: Database = db) => deleteRating(person, id, on)
const scoresOf = (film: Film, ...people: Viewer[]) =>
  Promise.all(people.map((person) => findRating(person, film.id, db)))

const everything = () => ratingRows(db)

async function countsOf(filmId: number) {
  const rows = await db.select().from(filmRatingCounts).where(eq(filmRatingCounts.filmId, filmId))
  return Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.score, r.count]))
}

async function recountOf(filmId: number) {
  const rows = await db
    .select({ score: ratings.score, count: sql<number>`count(*)` })
    .from(ratings)
    .where(eq(ratings.filmId, filmId))
    .groupBy(ratings.score)
  return Object.fromEntries(rows.map((r) => [r.score, r.count]))
}

const notAFilm = fc
  .integer({ min: 1, max: Number.MAX_SAFE_INTEGER })
  .filter((id) => !filmIds.has(id))

describe('ratings', () => {
  it('keeps each person’s rating their own', async () => {
    const [ann, bob] = [await newPerson(), await newPerson()]
    await rate(ann, cranes, 8)
    await rate(bob, cranes, 3)
    await rate(ann, cranes, 10)
    expect(await scoresOf(cranes, ann, bob)).toEqual([10, 3])
    await unrate(ann, cranes)
    expect(await scoresOf(cranes, ann, bob)).toEqual([null, 3])
    expect(await countsOf(cranes.id)).toEqual({ 3: 1 })
  })

  it('gives the same answer when the same thing is done twice', async () => {
    const ann = await newPerson()
    const first = await rate(ann, ascent, 7)
    const [before] = await db.select().from(ratings).where(eq(ratings.userId, ann.id))
    const again = await rate(ann, ascent, 7)
    expect([first, again]).toEqual([
      { film: { id: ascent.id, slug: ascent.slug, title: 'The Ascent' }, changed: true },
      { film: { id: ascent.id, slug: ascent.slug, title: 'The Ascent' }, changed: false },
    ])
    // Not even the date moves: a person's ratings stay in the order they were given.
    expect(await db.select().from(ratings).where(eq(ratings.userId, ann.id))).toEqual([before])
    expect(await countsOf(ascent.id)).toEqual({ 7: 1 })
    const removed = [await unrate(ann, ascent), await unrate(ann, ascent)]
    expect(removed).toMatchObject([{ changed: true }, { changed: false }])
    expect(await countsOf(ascent.id)).toEqual({})
  })

  // Which scores a form may send is the rules' business (rating-actions.test.ts); the table's
  // own check holds even for code that skipped them.
  it('stores no score outside 1 to 10, whoever calls', async () => {
    const ann = await newPerson()
    await rate(ann, liberation, 4)
    const before = await everything()
    for (const score of [0, 11, -1]) {
      await expect(rate(ann, liberation, score)).rejects.toThrow()
    }
    expect(await everything()).toEqual(before)
  })

  it('finds no film for an id that is not in the catalogue, changing nothing', async () => {
    const ann = await newPerson()
    const before = await everything()
    await fc.assert(
      fc.asyncProperty(notAFilm, fc.integer({ min: 1, max: 10 }), async (filmId, score) => {
        expect(await saveRating(ann, { filmId, score }, db)).toBeNull()
        expect(await deleteRating(ann, filmId, db)).toBeNull()
      }),
      { numRuns: 150 },
    )
    expect(await everything()).toEqual(before)
  })

  it('summarises the ten steps with an exact average', async () => {
    for (const score of [10, 10, 9, 2]) {
      await rate(await newPerson(), ballad, score)
    }
    const summary = await ratingSummaryOf(ballad.id, db)
    expect(summary).toEqual({ counts: [0, 1, 0, 0, 0, 0, 0, 0, 1, 2], total: 4, average: 3.875 })
    expect(averageText(summary)).toBe('Average rating 3.9 out of 5 from 4 ratings')
    expect(averageText({ average: 2.5, total: 1 })).toBe(
      'Average rating 2.5 out of 5 from 1 rating',
    )
    expect(averageText(await ratingSummaryOf(stalingrad.id, db))).toBe('No ratings yet')
    expect([1, 2, 3, 10].map(starsLabel)).toEqual(['0.5 stars', '1 star', '1.5 stars', '5 stars'])
  })

  it('keeps the counts and totals exact under 50 people changing their ratings at once', async () => {
    const crowd = await Promise.all(Array.from({ length: 50 }, newPerson))
    // Half have rated already, so the burst below mixes first ratings, changes and removals.
    await Promise.all(crowd.slice(0, 25).map((person, i) => rate(person, stalingrad, (i % 10) + 1)))
    const { rows } = await db.$client.execute(
      `select file from pragma_database_list where name = 'main'`,
    )
    const file = String(rows[0]!.file)
    const connections = Array.from({ length: 4 }, () => openDatabaseFile(file))
    try {
      await Promise.all(
        crowd.map((person, i) => {
          const on = connections[i % connections.length]
          if (i % 3 === 0) return unrate(person, stalingrad, on)
          return rate(person, stalingrad, ((i * 7) % 10) + 1, on)
        }),
      )
    } finally {
      for (const connection of connections) connection.$client.close()
    }
    const exact = await recountOf(stalingrad.id)
    expect(await countsOf(stalingrad.id)).toEqual(exact)
    expect(Object.values(exact).reduce((a, b) => a + b, 0)).toBe(33)
    expect(await storedRatingTotals(db)).toEqual(await recountedRatingTotals(db))
  })

  it('takes a deleted account’s ratings out of the counts and totals', async () => {
    const [ann, bob] = [await newPerson(), await newPerson()]
    await rate(ann, ascent, 2)
    await rate(bob, ascent, 9)
    expect(await deleteUser(ann, db)).toEqual([ascent.slug])
    expect(await countsOf(ascent.id)).toEqual({ 9: 1 })
    expect(await countsOf(ascent.id)).toEqual(await recountOf(ascent.id))
    expect(await storedRatingTotals(db)).toEqual(await recountedRatingTotals(db))
  })

  it('sorts the catalogue by average rating and by number of ratings', async () => {
    const sorted = async (sort: string) =>
      (await searchCatalogue(parseCatalogueQuery({ sort }), {}, db)).films.map((f) => [
        f.ratingAverage,
        f.ratingCount,
      ])
    const everyone = await Promise.all(
      catalogue.map(async ({ id }) => ({ id, ...(await ratingSummaryOf(id, db)) })),
    )
    const byAverage = await sorted('rating')
    const byCount = await sorted('most-rated')
    const rated = everyone.filter((f) => f.average !== null)
    rated.sort((a, b) => b.average! - a.average! || b.total - a.total)
    expect(byAverage).toEqual([
      ...rated.map((f) => [f.average, f.total]),
      ...Array.from({ length: catalogue.length - rated.length }, () => [null, 0]),
    ])
    const counts = everyone.map((f) => f.total).sort((a, b) => b - a)
    expect(byCount.map(([, count]) => count)).toEqual(counts)
    expect(rated.length).toBeGreaterThan(3)
  })
})
