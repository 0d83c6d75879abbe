import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { migrateDatabase } from '@/db/prepare'
import { films, ratings, users } from '@/db/schema'
import { recountedRatingTotals, storedRatingTotals } from '../helpers/rating-totals'
import { insertFilmsBeforeCanon } from '../helpers/films-before-canon'
import { insertEarlyUsers } from '../helpers/early-users'
import { createTestDatabase, migrationsBefore } from '../helpers/test-db'

// A database as it was before film_rating_totals: catalogue loaded, ratings given.
const before = migrationsBefore('0006_rating_totals')
const db = await createTestDatabase({ migrationsFolder: before })
await insertFilmsBeforeCanon(db)
const catalogue = await db.select({ id: films.id }).from(films).orderBy(films.id)
const people = await insertEarlyUsers(
  db,
  [1, 2, 3].map((n) => ({ email: `early${n}@example.test` })),
)
// The first person rates six films, the second five, the third four.
const given = people.flatMap((person, p) =>
  catalogue.slice(0, 6 - p).map((film, f) => ({
    userId: person.id,
    filmId: film.id,
    score: ((p * 3 + f) % 10) + 1,
    ratedAt: new Date(),
  })),
)
await db.insert(ratings).values(given)

describe('the film_rating_totals migration', () => {
  it('backfills a totals row for every film from the ratings already given', async () => {
    const tables = () =>
      db.all<{ name: string }>(
        sql`select name from sqlite_master where name = 'film_rating_totals'`,
      )
    expect(await tables()).toEqual([])
    await migrateDatabase({ embedded: true }, db)
    expect(await tables()).toHaveLength(1)
    const totals = await storedRatingTotals(db)
    expect(totals).toEqual(await recountedRatingTotals(db))
    expect(totals).toHaveLength(catalogue.length)
    expect(totals.filter((t) => t.ratingCount > 0)).toHaveLength(6)
  })

  it('keeps the backfilled totals exact through later changes', async () => {
    const [first, second, third] = people
    const lastFilm = catalogue.at(-1)!
    await db.update(ratings).set({ score: 10 }).where(eq(ratings.userId, first!.id))
    await db.insert(ratings).values({ userId: third!.id, filmId: lastFilm.id, score: 3, ratedAt: new Date() }) // prettier-ignore
    await db.delete(users).where(eq(users.id, second!.id))
    expect(await storedRatingTotals(db)).toEqual(await recountedRatingTotals(db))
  })
})
