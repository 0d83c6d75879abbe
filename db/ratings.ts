import { and, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { getDb, type Database } from './client'
import { filmRatingCounts, filmRatingTotals, films, ratings } from './schema'
import type { Viewer } from './users'

/** Scores are half stars: 1 = ½ star … 10 = 5 stars. */
export const MIN_SCORE = 1
export const MAX_SCORE = 10

export const ratingMessages = {
  film: 'This film is not in the catalogue.',
  score: 'Choose a rating from 0.5 to 5 stars.',
} as const

const filmIdSchema = z.coerce
  .number({ error: ratingMessages.film })
  .int(ratingMessages.film)
  .positive(ratingMessages.film)

const scoreSchema = z.coerce
  .number({ error: ratingMessages.score })
  .int(ratingMessages.score)
  .min(MIN_SCORE, ratingMessages.score)
  .max(MAX_SCORE, ratingMessages.score)

const rateSchema = z.object({ filmId: filmIdSchema, score: scoreSchema })
const removeSchema = z.object({ filmId: filmIdSchema })

export type RatingChange =
  | { ok: true; film: { id: number; slug: string }; score: number | null; changed: boolean }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> }

/** What a form sends: strings, or anything a forged request might put there. */
export type RatingInput = Record<string, unknown>

function rejected(error: z.ZodError): RatingChange {
  const byField: Record<string, string[] | undefined> = z.flattenError(error).fieldErrors
  const fieldErrors = Object.fromEntries(
    Object.entries(byField).filter((entry): entry is [string, string[]] => entry[1] !== undefined),
  )
  const message = fieldErrors.filmId?.[0] ?? fieldErrors.score?.[0] ?? ratingMessages.score
  return { ok: false, message, fieldErrors }
}

async function findFilm(db: Database, id: number) {
  const [film] = await db
    .select({ id: films.id, slug: films.slug })
    .from(films)
    .where(eq(films.id, id))
  return film ?? null
}

const unknownFilm: RatingChange = {
  ok: false,
  message: ratingMessages.film,
  fieldErrors: { filmId: [ratingMessages.film] },
}

/**
 * Sets the viewer's score for a film. The counts follow through triggers in the same statement;
 * giving the same score again changes nothing, not even the date.
 */
export async function saveRating(
  viewer: Viewer,
  input: RatingInput,
  db: Database = getDb(),
): Promise<RatingChange> {
  const parsed = rateSchema.safeParse(input)
  if (!parsed.success) return rejected(parsed.error)
  const { filmId, score } = parsed.data
  const film = await findFilm(db, filmId)
  if (!film) return unknownFilm
  const written = await db
    .insert(ratings)
    .values({ userId: viewer.id, filmId, score, ratedAt: new Date() })
    .onConflictDoUpdate({
      target: [ratings.userId, ratings.filmId],
      set: { score, ratedAt: sql`excluded.rated_at` },
      setWhere: sql`${ratings.score} <> excluded.score`,
    })
    .returning({ score: ratings.score })
  return { ok: true, film, score, changed: written.length > 0 }
}

/** Removes the viewer's score for a film; removing one that is not there is not an error. */
export async function deleteRating(
  viewer: Viewer,
  input: RatingInput,
  db: Database = getDb(),
): Promise<RatingChange> {
  const parsed = removeSchema.safeParse(input)
  if (!parsed.success) return rejected(parsed.error)
  const film = await findFilm(db, parsed.data.filmId)
  if (!film) return unknownFilm
  const removed = await db
    .delete(ratings)
    .where(and(eq(ratings.userId, viewer.id), eq(ratings.filmId, film.id)))
    .returning({ score: ratings.score })
  return { ok: true, film, score: null, changed: removed.length > 0 }
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
  db: Database,
  rows: T[],
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
