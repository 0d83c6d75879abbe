import 'server-only'
import { and, asc, desc, eq } from 'drizzle-orm'
import { withDirectors, type FilmCard, cardColumns } from './catalogue'
import { getDb, type Database } from './client'
import { findFilmRef } from './films'
import { filmsAmong } from './films-among'
import { films, users, watchlistEntries } from './schema'
import type { Viewer } from './users'

export const watchlistSorts = ['added', 'year', 'title'] as const
export type WatchlistSort = (typeof watchlistSorts)[number]

export type WatchlistFilm = FilmCard & { addedAt: Date }

const orderings = {
  added: [desc(watchlistEntries.addedAt), asc(films.sortTitle)],
  year: [asc(films.yearStart), asc(films.sortTitle)],
  title: [asc(films.sortTitle), asc(films.yearStart)],
}

/** Adds the film once (a second add keeps the first date); null when there is no such film. */
export async function addToWatchlist(
  viewer: Viewer,
  { filmId, addedAt = new Date() }: { filmId: number; addedAt?: Date },
  db: Database = getDb(),
) {
  const film = await findFilmRef(filmId, db)
  if (!film) return null
  await db
    .insert(watchlistEntries)
    .values({ userId: viewer.id, filmId: film.id, addedAt })
    .onConflictDoNothing()
  return film
}

/** Removes the film if it is there; null when there is no such film. */
export async function removeFromWatchlist(viewer: Viewer, filmId: number, db: Database = getDb()) {
  const film = await findFilmRef(filmId, db)
  if (!film) return null
  await db
    .delete(watchlistEntries)
    .where(and(eq(watchlistEntries.userId, viewer.id), eq(watchlistEntries.filmId, film.id)))
  return film
}

export async function isOnWatchlist(viewer: Viewer, filmId: number, db: Database = getDb()) {
  const [row] = await db
    .select({ filmId: watchlistEntries.filmId })
    .from(watchlistEntries)
    .where(and(eq(watchlistEntries.userId, viewer.id), eq(watchlistEntries.filmId, filmId)))
  return row !== undefined
}

/** Which of these films the viewer has on their watchlist, in one query (for a page of cards). */
export const watchlistedAmong = (viewer: Viewer, filmIds: number[], db: Database = getDb()) =>
  filmsAmong(watchlistEntries, viewer, filmIds, db)

// Not exported: every caller must first show it may see this person's watchlist.
async function filmsOnWatchlist(
  userId: string,
  sort: WatchlistSort,
  db: Database,
): Promise<WatchlistFilm[]> {
  const rows = await db
    .select({ ...cardColumns, addedAt: watchlistEntries.addedAt })
    .from(watchlistEntries)
    .innerJoin(films, eq(films.id, watchlistEntries.filmId))
    .where(eq(watchlistEntries.userId, userId))
    .orderBy(...orderings[sort])
  return withDirectors(rows, db)
}

/** The viewer's own watchlist, newest first unless sorted otherwise. */
export async function watchlistOf(
  viewer: Viewer,
  sort: WatchlistSort = 'added',
  db: Database = getDb(),
) {
  return filmsOnWatchlist(viewer.id, sort, db)
}

/** Someone's watchlist as anyone may see it: null unless they have made it public. */
export async function publicWatchlistOf(
  username: string,
  sort: WatchlistSort = 'added',
  db: Database = getDb(),
): Promise<WatchlistFilm[] | null> {
  const [owner] = await db
    .select({ id: users.id, watchlistPublic: users.watchlistPublic })
    .from(users)
    .where(eq(users.username, username))
  if (!owner?.watchlistPublic) return null
  return filmsOnWatchlist(owner.id, sort, db)
}

export async function isWatchlistPublic(viewer: Viewer, db: Database = getDb()) {
  const [row] = await db
    .select({ watchlistPublic: users.watchlistPublic })
    .from(users)
    .where(eq(users.id, viewer.id))
  return row?.watchlistPublic ?? false
}

export async function setWatchlistPublic(
  viewer: Viewer,
  watchlistPublic: boolean,
  db: Database = getDb(),
) {
  await db.update(users).set({ watchlistPublic }).where(eq(users.id, viewer.id))
}
