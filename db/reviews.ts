import 'server-only'
import { and, count, desc, eq, isNotNull } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { diaryEntries, films, users } from './schema'
import type { Viewer } from './users'

// Reviews are diary entries with text. Whoever keeps a private diary keeps their reviews private
// too, so every read for others joins the author's setting.

export type Review = {
  id: number
  author: string
  watchedOn: string
  score: number | null
  rewatch: boolean
  text: string
  spoilers: boolean
}

export const REVIEWS_ON_FILM_PAGE = 10
export const REVIEWS_PER_PAGE = 20

const reviewColumns = {
  id: diaryEntries.id,
  author: users.username,
  watchedOn: diaryEntries.watchedOn,
  score: diaryEntries.score,
  rewatch: diaryEntries.rewatch,
  text: diaryEntries.review,
  spoilers: diaryEntries.spoilers,
}

const publicReviewOf = (filmId: number) =>
  and(eq(diaryEntries.filmId, filmId), isNotNull(diaryEntries.review), eq(users.diaryPublic, true))

type ReviewRow = { [K in keyof Review]: K extends 'author' | 'text' ? string | null : Review[K] }

// An author is always someone with a username (a review needs a signed-in member who chose one).
const asReviews = (rows: ReviewRow[]): Review[] =>
  rows.flatMap((row) =>
    row.author !== null && row.text !== null
      ? [{ ...row, author: row.author, text: row.text }]
      : [],
  )

/** Everyone's public reviews of the film, newest first, a page at a time. */
export async function publicReviewsOf(
  filmId: number,
  { limit, offset = 0 }: { limit: number; offset?: number },
  db: Database = getDb(),
): Promise<Review[]> {
  const rows = await db
    .select(reviewColumns)
    .from(diaryEntries)
    .innerJoin(users, eq(users.id, diaryEntries.userId))
    .where(publicReviewOf(filmId))
    .orderBy(desc(diaryEntries.loggedAt), desc(diaryEntries.id))
    .limit(limit)
    .offset(offset)
  return asReviews(rows)
}

export async function countPublicReviews(filmId: number, db: Database = getDb()) {
  const [row] = await db
    .select({ n: count() })
    .from(diaryEntries)
    .innerJoin(users, eq(users.id, diaryEntries.userId))
    .where(publicReviewOf(filmId))
  return row?.n ?? 0
}

/** The viewer's own reviews of the film, public or not, newest first. */
export async function ownReviewsOf(
  viewer: Viewer,
  filmId: number,
  db: Database = getDb(),
): Promise<Review[]> {
  const rows = await db
    .select(reviewColumns)
    .from(diaryEntries)
    .innerJoin(users, eq(users.id, diaryEntries.userId))
    .where(
      and(
        eq(diaryEntries.userId, viewer.id),
        eq(diaryEntries.filmId, filmId),
        isNotNull(diaryEntries.review),
      ),
    )
    .orderBy(desc(diaryEntries.loggedAt), desc(diaryEntries.id))
  return asReviews(rows)
}

/** The films whose pages show someone's reviews: what a change of their diary setting touches. */
export async function reviewedFilmSlugs(viewer: Viewer, db: Database = getDb()) {
  const rows = await db
    .selectDistinct({ slug: films.slug })
    .from(diaryEntries)
    .innerJoin(films, eq(films.id, diaryEntries.filmId))
    .where(and(eq(diaryEntries.userId, viewer.id), isNotNull(diaryEntries.review)))
  return rows
}
