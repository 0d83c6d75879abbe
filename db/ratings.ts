import 'server-only'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { MAX_SCORE } from '@/lib/scores'
import { getDb, type Database } from './client'
import { findFilmRef, type FilmRef } from './films'
import { filmRatingCounts, filmRatingTotals, ratings } from './schema'
import type { Viewer } from './users'

/** What a rating change touched: the film, and whether anything was written. */
export type RatingChange = { film: FilmRef; changed: boolean }

/**
 * Sets the viewer's score for a film. The counts follow through triggers in the same statement;
 * giving the same score again changes nothing, not even the date.
 */
export async function saveRating(
  viewer: Viewer,
  { filmId, score }: { filmId: number; score: number },
  db: Database = getDb(),
): Promise<RatingChange | null> {
  const film = await findFilmRef(filmId, db)
  if (!film) return null
  const written = await db
    .insert(ratings)
    .values({ userId: viewer.id, filmId, score, ratedAt: new Date() })
    .onConflictDoUpdate({
      target: [ratings.userId, ratings.filmId],
      set: { score, ratedAt: sql`excluded.rated_at` },
      setWhere: sql`${ratings.score} <> excluded.score`,
    })
    .returning({ score: ratings.score })
  return { film, changed: written.length > 0 }
}

/** Removes the viewer's score for a film; removing one that is not there is not an error. */
export async function deleteRating(
  viewer: Viewer,
  filmId: number,
  db: Database = getDb(),
): Promise<RatingChange | null> {
  const film = await findFilmRef(filmId, db)
  if (!film) return null
  const removed = await db
    .delete(ratings)
    .where(and(eq(ratings.userId, viewer.id), eq(ratings.filmId, film.id)))
    .returning({ score: ratings.score })
  return { film, changed: removed.length > 0 }
}

export async function findRating(viewer: Viewer, filmId: number, db: Database = getDb()) {
  const [row] = await db
    .select({ score: ratings.score })
    .from(ratings)
    .where(and(eq(ratings.userId, viewer.id), eq(ratings.filmId, filmId)))
  return row?.score ?? null
}

export type RatingSummary = {
  /** How many ratings each score has, index 0 for score 1 (½ star) … index 9 for 5 stars. */
  counts: number[]
  total: number
  /** In stars (0.5–5), or null without ratings. */
  average: number | null
}

/** Everyone's ratings of a film, from its ten trigger-kept count rows. */
export async function ratingSummaryOf(
  filmId: number,
  db: Database = getDb(),
): Promise<RatingSummary> {
  const rows = await db
    .select({ score: filmRatingCounts.score, count: filmRatingCounts.count })
    .from(filmRatingCounts)
    .where(eq(filmRatingCounts.filmId, filmId))
  const counts = Array.from({ length: MAX_SCORE }, () => 0)
  for (const row of rows) counts[row.score - 1] = row.count
  const total = counts.reduce((sum, n) => sum + n, 0)
  const halfStars = counts.reduce((sum, n, i) => sum + n * (i + 1), 0)
  return { counts, total, average: total > 0 ? halfStars / total / 2 : null }
}

export type RatingTotals = { ratingAverage: number | null; ratingCount: number }

/** Adds each film's average (in stars) and number of ratings, with one query for the page. */
export async function withRatingTotals<T extends { id: number }>(
  rows: T[],
  db: Database,
): Promise<(T & RatingTotals)[]> {
  if (rows.length === 0) return []
  const totals = await db
    .select({
      filmId: filmRatingTotals.filmId,
      ratingCount: filmRatingTotals.ratingCount,
      ratingAverage: filmRatingTotals.average,
    })
    .from(filmRatingTotals)
    .where(
      inArray(
        filmRatingTotals.filmId,
        rows.map((r) => r.id),
      ),
    )
  const byFilm = new Map(totals.map((t) => [t.filmId, t]))
  return rows.map((row) => {
    const { ratingCount = 0, ratingAverage = null } = byFilm.get(row.id) ?? {}
    return { ...row, ratingCount, ratingAverage }
  })
}
