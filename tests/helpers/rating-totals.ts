import { eq, sql } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { filmRatingTotals, films, ratings } from '@/db/schema'

/** Every film_rating_totals row, by film. */
export function storedRatingTotals(db: Database) {
  return db
    .select({
      filmId: filmRatingTotals.filmId,
      sortTitle: filmRatingTotals.sortTitle,
      ratingCount: filmRatingTotals.ratingCount,
      halfStarSum: filmRatingTotals.halfStarSum,
      average: filmRatingTotals.average,
    })
    .from(filmRatingTotals)
    .orderBy(filmRatingTotals.filmId)
}

/** What film_rating_totals should hold: one row per film, recounted from `ratings`. */
export async function recountedRatingTotals(db: Database) {
  const rows = await db
    .select({
      filmId: films.id,
      sortTitle: films.sortTitle,
      ratingCount: sql<number>`count(${ratings.score})`,
      halfStarSum: sql<number>`coalesce(sum(${ratings.score}), 0)`,
    })
    .from(films)
    .leftJoin(ratings, eq(ratings.filmId, films.id))
    .groupBy(films.id)
    .orderBy(films.id)
  return rows.map((row) => ({
    ...row,
    average: row.ratingCount > 0 ? row.halfStarSum / row.ratingCount / 2 : null,
  }))
}
