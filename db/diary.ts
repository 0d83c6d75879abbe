import 'server-only'
import { and, desc, eq, sql } from 'drizzle-orm'
import { notBeforeFilm, type EntryFields, type LogInput } from '@/lib/rules/diary'
import { getDb, type Database } from './client'
import type { FilmRef } from './films'
import { filmsAmong } from './films-among'
import { diaryEntries, films, ratings, watchedFilms, watchlistEntries } from './schema'
import type { Viewer } from './users'

// A member's viewings. Each change is one batch (one transaction in a single call, as in
// db/list-entries.ts) and writes only the viewer's own rows.

type DiaryFilm = FilmRef & { yearStart: number }

export type DiaryChange =
  | { missing: 'film' | 'entry' }
  | { tooEarly: number }
  | { film: FilmRef; entryId: number; offWatchlist: boolean; rated: boolean }

async function findDiaryFilm(filmId: number, db: Database): Promise<DiaryFilm | null> {
  const [film] = await db
    .select({ id: films.id, slug: films.slug, title: films.title, yearStart: films.yearStart })
    .from(films)
    .where(eq(films.id, filmId))
  return film ?? null
}

const entryValues = (fields: EntryFields) => ({
  watchedOn: fields.watchedOn,
  score: fields.score,
  review: fields.review,
  spoilers: fields.review !== null && fields.spoilers,
  rewatch: fields.rewatch,
  tags: fields.tags,
})

/** The film's rating follows the score of the entry just saved, as Letterboxd's does. */
const rateFromEntry = (viewer: Viewer, filmId: number, score: number, now: Date, db: Database) =>
  db
    .insert(ratings)
    .values({ userId: viewer.id, filmId, score, ratedAt: now })
    .onConflictDoUpdate({
      target: [ratings.userId, ratings.filmId],
      set: { score, ratedAt: sql`excluded.rated_at` },
      setWhere: sql`${ratings.score} <> excluded.score`,
    })

/**
 * Logs a viewing: the entry, the film marked as watched, taken off the watchlist, and rated when
 * the entry has a score, all in one transaction.
 */
export async function logViewing(
  viewer: Viewer,
  { filmId, ...fields }: LogInput,
  db: Database = getDb(),
): Promise<DiaryChange> {
  const film = await findDiaryFilm(filmId, db)
  if (!film) return { missing: 'film' }
  if (!notBeforeFilm(fields.watchedOn, film.yearStart)) return { tooEarly: film.yearStart }
  const now = new Date()
  const [[entry], , removed] = await db.batch([
    db
      .insert(diaryEntries)
      .values({ userId: viewer.id, filmId, loggedAt: now, ...entryValues(fields) })
      .returning({ id: diaryEntries.id }),
    db
      .insert(watchedFilms)
      .values({ userId: viewer.id, filmId, markedAt: now })
      .onConflictDoNothing(),
    db
      .delete(watchlistEntries)
      .where(and(eq(watchlistEntries.userId, viewer.id), eq(watchlistEntries.filmId, filmId)))
      .returning({ filmId: watchlistEntries.filmId }),
    ...(fields.score !== null ? [rateFromEntry(viewer, filmId, fields.score, now, db)] : []),
  ])
  const { yearStart: _year, ...ref } = film
  return {
    film: ref,
    entryId: entry!.id,
    offWatchlist: removed.length > 0,
    rated: fields.score !== null,
  }
}

/** The viewer's own entry and its film, or null: the WHERE of every change to an entry. */
async function ownedEntry(viewer: Viewer, entryId: number, db: Database) {
  const [row] = await db
    .select({ filmId: diaryEntries.filmId })
    .from(diaryEntries)
    .where(and(eq(diaryEntries.id, entryId), eq(diaryEntries.userId, viewer.id)))
  return row ? findDiaryFilm(row.filmId, db) : null
}

export async function updateEntry(
  viewer: Viewer,
  { entryId, ...fields }: EntryFields & { entryId: number },
  db: Database = getDb(),
): Promise<DiaryChange> {
  const film = await ownedEntry(viewer, entryId, db)
  if (!film) return { missing: 'entry' }
  if (!notBeforeFilm(fields.watchedOn, film.yearStart)) return { tooEarly: film.yearStart }
  await db.batch([
    db
      .update(diaryEntries)
      .set(entryValues(fields))
      .where(and(eq(diaryEntries.id, entryId), eq(diaryEntries.userId, viewer.id))),
    ...(fields.score !== null
      ? [rateFromEntry(viewer, film.id, fields.score, new Date(), db)]
      : []),
  ])
  const { yearStart: _year, ...ref } = film
  return { film: ref, entryId, offWatchlist: false, rated: fields.score !== null }
}

/** Deletes one of the viewer's entries; the film stays watched. Null when there is no such entry. */
export async function deleteEntry(
  viewer: Viewer,
  entryId: number,
  db: Database = getDb(),
): Promise<FilmRef | null> {
  const film = await ownedEntry(viewer, entryId, db)
  if (!film) return null
  await db
    .delete(diaryEntries)
    .where(and(eq(diaryEntries.id, entryId), eq(diaryEntries.userId, viewer.id)))
  const { yearStart: _year, ...ref } = film
  return ref
}

export type WatchedChange = { missing: 'film' } | { stillLogged: true } | { film: FilmRef }

/** Marks a film watched without a date, or not watched (refused while it has diary entries). */
export async function setWatched(
  viewer: Viewer,
  { filmId, watched }: { filmId: number; watched: boolean },
  db: Database = getDb(),
): Promise<WatchedChange> {
  const film = await findDiaryFilm(filmId, db)
  if (!film) return { missing: 'film' }
  const { yearStart: _year, ...ref } = film
  if (watched) {
    await db
      .insert(watchedFilms)
      .values({ userId: viewer.id, filmId, markedAt: new Date() })
      .onConflictDoNothing()
    return { film: ref }
  }
  // One statement: an entry logged meanwhile keeps the film watched.
  const logged = sql`exists (select 1 from ${diaryEntries} where ${diaryEntries.userId} = ${viewer.id} and ${diaryEntries.filmId} = ${filmId})`
  const removed = await db
    .delete(watchedFilms)
    .where(
      and(eq(watchedFilms.userId, viewer.id), eq(watchedFilms.filmId, filmId), sql`not ${logged}`),
    )
    .returning({ filmId: watchedFilms.filmId })
  if (removed.length > 0) return { film: ref }
  const [still] = await db
    .select({ id: diaryEntries.id })
    .from(diaryEntries)
    .where(and(eq(diaryEntries.userId, viewer.id), eq(diaryEntries.filmId, filmId)))
    .limit(1)
  return still ? { stillLogged: true } : { film: ref }
}

export type FilmEntry = { id: number } & EntryFields

export type FilmDiaryState = {
  watched: boolean
  /** The viewer's entries for the film, newest viewing first. */
  entries: FilmEntry[]
}

const entryColumns = {
  id: diaryEntries.id,
  watchedOn: diaryEntries.watchedOn,
  score: diaryEntries.score,
  rewatch: diaryEntries.rewatch,
  review: diaryEntries.review,
  spoilers: diaryEntries.spoilers,
  tags: diaryEntries.tags,
}

/** What the film page needs to show the viewer's own diary for this film. */
export async function filmDiaryState(
  viewer: Viewer,
  filmId: number,
  db: Database = getDb(),
): Promise<FilmDiaryState> {
  const [watched, entries] = await Promise.all([
    db
      .select({ filmId: watchedFilms.filmId })
      .from(watchedFilms)
      .where(and(eq(watchedFilms.userId, viewer.id), eq(watchedFilms.filmId, filmId))),
    db
      .select(entryColumns)
      .from(diaryEntries)
      .where(and(eq(diaryEntries.userId, viewer.id), eq(diaryEntries.filmId, filmId)))
      .orderBy(desc(diaryEntries.watchedOn), desc(diaryEntries.id)),
  ])
  return { watched: watched.length > 0 || entries.length > 0, entries }
}

export type EditableEntry = FilmEntry & { film: DiaryFilm }

/** One of the viewer's entries with its film, for the edit page; null for anyone else's. */
export async function findOwnEntry(
  viewer: Viewer,
  entryId: number,
  db: Database = getDb(),
): Promise<EditableEntry | null> {
  const [row] = await db
    .select({
      ...entryColumns,
      film: { id: films.id, slug: films.slug, title: films.title, yearStart: films.yearStart },
    })
    .from(diaryEntries)
    .innerJoin(films, eq(films.id, diaryEntries.filmId))
    .where(and(eq(diaryEntries.id, entryId), eq(diaryEntries.userId, viewer.id)))
  return row ?? null
}

/** Which of these films the viewer has watched, in one query (for a page of cards). */
export const watchedAmong = (viewer: Viewer, filmIds: number[], db: Database = getDb()) =>
  filmsAmong(watchedFilms, viewer, filmIds, db)
