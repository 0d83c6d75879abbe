import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { filmDiaryState, type FilmDiaryState } from './diary'
import { listsForFilm } from './list-queries'
import { curatedProgressOf } from './profiles'
import { ownReviewsOf, type Review } from './reviews'
import { films, ratings, users, watchlistEntries } from './schema'
import type { Viewer } from './users'
import { todayUtc } from '@/lib/rules/diary'

/** A shared page, as far as its personal parts go. */
export type PersonalPage =
  { kind: 'film'; slug: string } | { kind: 'curatedList'; slug: string } | { kind: 'other' }

/** The member's own controls on a film page. */
export type FilmState = {
  filmId: number
  /** The film's first year: no viewing can be logged before it. */
  yearStart: number
  /** In half stars (1–10), or null: not rated. */
  rating: number | null
  onWatchlist: boolean
  lists: { id: number; title: string; hasFilm: boolean }[]
  diary: FilmDiaryState
  /** Shown first in the page's "Reviews", public or not. */
  ownReviews: Review[]
  /** The server's day (UTC), which the diary's date field starts at. */
  today: string
}

export type CuratedProgress = { rated: number; total: number }

/**
 * Everything personal a shared page shows its member: the account menu's name, and what the
 * page itself shows (a field per part; components/personal/ renders each).
 */
export type PersonalState = {
  username: string | null
  film?: FilmState
  curatedProgress?: CuratedProgress
}

/** The member's state for one shared page; null when the member is no longer there. */
export async function personalStateOf(
  viewer: Viewer,
  page: PersonalPage,
  db: Database = getDb(),
): Promise<PersonalState | null> {
  const [member] = await db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.id, viewer.id))
  if (!member) return null
  if (page.kind === 'film') {
    const film = await filmStateOf(viewer, page.slug, db)
    return film ? { username: member.username, film } : { username: member.username }
  }
  if (page.kind === 'curatedList') {
    const progress = await curatedProgressOf(viewer, page.slug, db)
    return progress.total > 0
      ? { username: member.username, curatedProgress: progress }
      : { username: member.username }
  }
  return { username: member.username }
}

/** The member's rating, watchlist state and lists for the film at `slug`; null: no such film. */
export async function filmStateOf(
  viewer: Viewer,
  slug: string,
  db: Database = getDb(),
): Promise<FilmState | null> {
  const [film] = await db
    .select({
      id: films.id,
      yearStart: films.yearStart,
      rating: sql<number | null>`(select ${ratings.score} from ${ratings}
        where ${and(eq(ratings.userId, viewer.id), eq(ratings.filmId, films.id))})`,
      onWatchlist: sql<boolean>`exists (select 1 from ${watchlistEntries}
        where ${and(eq(watchlistEntries.userId, viewer.id), eq(watchlistEntries.filmId, films.id))})`.mapWith(
        Boolean,
      ),
    })
    .from(films)
    .where(eq(films.slug, slug))
  if (!film) return null
  const [lists, diary, ownReviews] = await Promise.all([
    listsForFilm(viewer, film.id, db),
    filmDiaryState(viewer, film.id, db),
    ownReviewsOf(viewer, film.id, db),
  ])
  return {
    filmId: film.id,
    yearStart: film.yearStart,
    diary,
    ownReviews,
    today: todayUtc(),
    rating: film.rating,
    onWatchlist: film.onWatchlist,
    lists: lists.map(({ id, title, hasFilm }) => ({ id, title, hasFilm })),
  }
}
