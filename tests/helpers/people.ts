import { asc } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { filmRatingCounts, films, ratings, users, watchlistEntries } from '@/db/schema'
import type { Viewer } from '@/db/users'
import { storedRatingTotals } from './rating-totals'

export type Person = Viewer & { username: string }

/** Makes members named `<prefix>_1`, `<prefix>_2`… with no password, straight in the database. */
export function personMaker(db: Database, prefix: string) {
  let counter = 0
  return async (): Promise<Person> => {
    counter++
    const username = `${prefix}_${counter}`
    const [row] = await db
      .insert(users)
      .values({ username, email: `${prefix}${counter}@example.test` })
      .returning({ id: users.id })
    return { id: row!.id, username }
  }
}

/** The catalogue's films by id, a slug's id, and an id no film has. */
export async function catalogueIds(db: Database) {
  const catalogue = await db
    .select({ id: films.id, slug: films.slug, title: films.title })
    .from(films)
    .orderBy(asc(films.id))
  const filmId = (slug: string) => catalogue.find((film) => film.slug === slug)!.id
  const unknownFilmId = Math.max(...catalogue.map((film) => film.id)) + 1
  return { catalogue, filmId, unknownFilmId }
}

/** Every watchlist entry, in a fixed order. */
export const watchlistRows = (db: Database) =>
  db
    .select()
    .from(watchlistEntries)
    .orderBy(asc(watchlistEntries.userId), asc(watchlistEntries.filmId))

/** Every rating, count and totals row: what "no row changes" is checked against. */
export async function ratingRows(db: Database) {
  return {
    ratings: await db.select().from(ratings).orderBy(ratings.userId, ratings.filmId),
    counts: await db
      .select()
      .from(filmRatingCounts)
      .orderBy(filmRatingCounts.filmId, filmRatingCounts.score),
    totals: await storedRatingTotals(db),
  }
}
