import 'server-only'
import { asc, eq } from 'drizzle-orm'
import type { EntryFields } from '@/lib/rules/diary'
import { getDb, type Database } from './client'
import {
  diaryEntries,
  films,
  listEntries,
  lists,
  ratings,
  users,
  watchedFilms,
  watchlistEntries,
} from './schema'
import type { Viewer } from './users'

export type ExportFilm = { slug: string; title: string; year: number }

/** Everything of a member's that their Letterboxd-style export holds: their own data only. */
export type MemberExport = {
  username: string | null
  watched: { film: ExportFilm; date: Date }[]
  ratings: { film: ExportFilm; score: number; date: Date }[]
  diary: ({ film: ExportFilm; loggedAt: Date } & EntryFields)[]
  watchlist: { film: ExportFilm; date: Date }[]
  lists: {
    slug: string
    title: string
    description: string
    createdAt: Date
    entries: { film: ExportFilm; note: string }[]
  }[]
}

const film = { slug: films.slug, title: films.title, year: films.yearStart }

export async function memberExport(viewer: Viewer, db: Database = getDb()): Promise<MemberExport> {
  const [[owner], watched, rated, diary, watchlist, ownLists, entries] = await Promise.all([
    db.select({ username: users.username }).from(users).where(eq(users.id, viewer.id)),
    db
      .select({ film, date: watchedFilms.markedAt })
      .from(watchedFilms)
      .innerJoin(films, eq(films.id, watchedFilms.filmId))
      .where(eq(watchedFilms.userId, viewer.id))
      .orderBy(asc(watchedFilms.markedAt), asc(films.id)),
    db
      .select({ film, score: ratings.score, date: ratings.ratedAt })
      .from(ratings)
      .innerJoin(films, eq(films.id, ratings.filmId))
      .where(eq(ratings.userId, viewer.id))
      .orderBy(asc(ratings.ratedAt), asc(films.id)),
    db
      .select({
        film,
        loggedAt: diaryEntries.loggedAt,
        watchedOn: diaryEntries.watchedOn,
        score: diaryEntries.score,
        rewatch: diaryEntries.rewatch,
        review: diaryEntries.review,
        spoilers: diaryEntries.spoilers,
        tags: diaryEntries.tags,
      })
      .from(diaryEntries)
      .innerJoin(films, eq(films.id, diaryEntries.filmId))
      .where(eq(diaryEntries.userId, viewer.id))
      .orderBy(asc(diaryEntries.watchedOn), asc(diaryEntries.id)),
    db
      .select({ film, date: watchlistEntries.addedAt })
      .from(watchlistEntries)
      .innerJoin(films, eq(films.id, watchlistEntries.filmId))
      .where(eq(watchlistEntries.userId, viewer.id))
      .orderBy(asc(watchlistEntries.addedAt), asc(films.id)),
    db
      .select({
        id: lists.id,
        slug: lists.slug,
        title: lists.title,
        description: lists.description,
        createdAt: lists.createdAt,
      })
      .from(lists)
      .where(eq(lists.userId, viewer.id))
      .orderBy(asc(lists.createdAt), asc(lists.id)),
    db
      .select({ listId: listEntries.listId, film, note: listEntries.note })
      .from(listEntries)
      .innerJoin(lists, eq(lists.id, listEntries.listId))
      .innerJoin(films, eq(films.id, listEntries.filmId))
      .where(eq(lists.userId, viewer.id))
      .orderBy(asc(listEntries.listId), asc(listEntries.position)),
  ])
  return {
    username: owner?.username ?? null,
    watched,
    ratings: rated,
    diary,
    watchlist,
    lists: ownLists.map(({ id, ...list }) => ({
      ...list,
      entries: entries.filter((e) => e.listId === id).map(({ film, note }) => ({ film, note })),
    })),
  }
}
