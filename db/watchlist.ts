import 'server-only'
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { ActionState } from '@/lib/action-state'
import { withDirectors, type FilmCard, cardColumns } from './catalogue'
import { getDb, type Database } from './client'
import { films, users, watchlistEntries } from './schema'
import type { Viewer } from './users'

export const watchlistSorts = ['added', 'year', 'title'] as const
export type WatchlistSort = (typeof watchlistSorts)[number]

export type WatchlistFilm = FilmCard & { addedAt: Date }

/** What the watchlist action answers; `onWatchlist` is the film's state once the server knows it. */
export type WatchlistState = ActionState & { onWatchlist?: boolean }

const orderings = {
  added: [desc(watchlistEntries.addedAt), asc(films.sortTitle)],
  year: [asc(films.yearStart), asc(films.sortTitle)],
  title: [asc(films.sortTitle), asc(films.yearStart)],
}

async function findFilm(filmId: number, db: Database) {
  const [film] = await db
    .select({ id: films.id, title: films.title })
    .from(films)
    .where(eq(films.id, filmId))
  return film ?? null
}

/** Adds the film once (a second add keeps the first date); null when there is no such film. */
export async function addToWatchlist(
  viewer: Viewer,
  filmId: number,
  { db = getDb(), now = new Date() }: { db?: Database; now?: Date } = {},
) {
  const film = await findFilm(filmId, db)
  if (!film) return null
  await db
    .insert(watchlistEntries)
    .values({ userId: viewer.id, filmId: film.id, addedAt: now })
    .onConflictDoNothing()
  return film
}

/** Removes the film if it is there; null when there is no such film. */
export async function removeFromWatchlist(viewer: Viewer, filmId: number, db: Database = getDb()) {
  const film = await findFilm(filmId, db)
  if (!film) return null
  await db
    .delete(watchlistEntries)
    .where(and(eq(watchlistEntries.userId, viewer.id), eq(watchlistEntries.filmId, film.id)))
  return film
}

const changeSchema = z.object({
  filmId: z.coerce
    .number({ error: 'Choose a film from the catalogue.' })
    .int({ error: 'Choose a film from the catalogue.' })
    .positive({ error: 'Choose a film from the catalogue.' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'Choose a film from the catalogue.' }),
  change: z.enum(['add', 'remove'], { error: 'Choose to add the film or to remove it.' }),
})

/** The watchlist action's logic: validates the form's fields, then writes for the viewer only. */
export async function changeWatchlist(
  viewer: Viewer,
  fields: Record<string, unknown>,
  { db = getDb(), now = new Date() }: { db?: Database; now?: Date } = {},
): Promise<WatchlistState> {
  const parsed = changeSchema.safeParse(fields)
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'Something is missing.' }
  }
  const { filmId, change } = parsed.data
  const film =
    change === 'add'
      ? await addToWatchlist(viewer, filmId, { db, now })
      : await removeFromWatchlist(viewer, filmId, db)
  if (!film) return { ok: false, message: 'That film is not in the catalogue.', onWatchlist: false }
  return change === 'add'
    ? { ok: true, onWatchlist: true, message: `Added “${film.title}” to your watchlist.` }
    : { ok: true, onWatchlist: false, message: `Removed “${film.title}” from your watchlist.` }
}

export async function isOnWatchlist(viewer: Viewer, filmId: number, db: Database = getDb()) {
  const [row] = await db
    .select({ filmId: watchlistEntries.filmId })
    .from(watchlistEntries)
    .where(and(eq(watchlistEntries.userId, viewer.id), eq(watchlistEntries.filmId, filmId)))
  return row !== undefined
}

/** Which of these films the viewer has on their watchlist, in one query (for a page of cards). */
export async function watchlistedAmong(
  viewer: Viewer,
  filmIds: number[],
  db: Database = getDb(),
): Promise<Set<number>> {
  if (filmIds.length === 0) return new Set()
  const rows = await db
    .select({ filmId: watchlistEntries.filmId })
    .from(watchlistEntries)
    .where(and(eq(watchlistEntries.userId, viewer.id), inArray(watchlistEntries.filmId, filmIds)))
  return new Set(rows.map((row) => row.filmId))
}

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
  return withDirectors(db, rows)
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

// An unticked checkbox sends nothing; a ticked one sends "on".
const visibilitySchema = z.object({
  watchlistPublic: z.enum(['on'], { error: 'Tick the box or leave it empty.' }).optional(),
})

/** The "Make my watchlist public" setting's logic. */
export async function changeWatchlistVisibility(
  viewer: Viewer,
  fields: Record<string, unknown>,
  db: Database = getDb(),
): Promise<ActionState & { watchlistPublic?: boolean }> {
  const parsed = visibilitySchema.safeParse(fields)
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'Something is missing.' }
  }
  const watchlistPublic = parsed.data.watchlistPublic === 'on'
  await setWatchlistPublic(viewer, watchlistPublic, db)
  return {
    ok: true,
    watchlistPublic,
    message: watchlistPublic
      ? 'Your watchlist is now public: anyone can see it on your profile.'
      : 'Your watchlist is now private: only you can see it.',
  }
}
