import 'server-only'
import { eq, getTableName, sql, type Column, type SQLWrapper } from 'drizzle-orm'
import { getDb, type Database } from './client'
import type { FilmDiaryState, FilmEntry } from './diary'
import { liveSession, sessionColumns, sessionRows, settleSession } from './member-sessions'
import { curatedProgressOf } from './profiles'
import type { Review } from './reviews'
import {
  diaryEntries,
  films,
  listEntries,
  lists,
  memberSessions,
  ratings,
  users,
  watchedFilms,
  watchlistEntries,
} from './schema'
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
  return pagePartOf(viewer, member.username, page, db)
}

/** What a session claims: its cookie has been checked (signature, expiry), its row not yet. */
export type SessionClaim = { userId: string; sessionId: string; sessionVersion?: number }

/**
 * `personalStateOf` for the member behind a session, checked as every session is (the row in
 * member_sessions, its lifetime, the account's session version); null when it does not hold.
 * On a film page the check and the member's whole state are one query.
 */
export async function personalStateOfSession(
  claim: SessionClaim,
  page: PersonalPage,
  db: Database = getDb(),
  now: Date = new Date(),
): Promise<PersonalState | null> {
  if (page.kind !== 'film') {
    const live = await liveSession(claim, now, db)
    if (!live || live.sessionVersion !== claim.sessionVersion) return null
    return pagePartOf({ id: claim.userId }, live.username, page, db)
  }
  const [row] = await prepared(db).sessionAndFilm.all({
    userId: claim.userId,
    sessionId: claim.sessionId,
    slug: page.slug,
  })
  const live = await settleSession(claim.sessionId, row, now, db)
  if (!row || !live || live.sessionVersion !== claim.sessionVersion) return null
  const film = filmStateFrom(row)
  return film ? { username: live.username, film } : { username: live.username }
}

async function pagePartOf(
  viewer: Viewer,
  username: string | null,
  page: Exclude<PersonalPage, { kind: 'film' }>,
  db: Database,
): Promise<PersonalState> {
  if (page.kind === 'curatedList') {
    const progress = await curatedProgressOf(viewer, page.slug, db)
    return progress.total > 0 ? { username, curatedProgress: progress } : { username }
  }
  return { username }
}

/** The member's rating, watchlist state, lists and diary for the film at `slug`, in one query; null: no such film. */
export async function filmStateOf(
  viewer: Viewer,
  slug: string,
  db: Database = getDb(),
): Promise<FilmState | null> {
  const [row] = await prepared(db).film.all({ userId: viewer.id, slug })
  return row ? filmStateFrom(row) : null
}

/**
 * The two queries of a film page, built once per database: Drizzle builds a query's SQL anew on
 * every call, a good part of a small request's time for one this size.
 */
function prepared(db: Database) {
  let queries = preparedFor.get(db)
  if (!queries) preparedFor.set(db, (queries = prepareQueries(db)))
  return queries
}

function prepareQueries(db: Database) {
  const userId = sql.placeholder('userId')
  const slug = sql.placeholder('slug')
  return {
    sessionAndFilm: db
      .select({ ...sessionColumns, ...filmStateColumns(memberSessions.userId) })
      .from(memberSessions)
      .innerJoin(users, eq(users.id, memberSessions.userId))
      .leftJoin(films, eq(films.slug, slug))
      .where(sessionRows({ sessionId: sql.placeholder('sessionId'), userId }))
      .prepare(),
    film: db.select(filmStateColumns(userId)).from(films).where(eq(films.slug, slug)).prepare(),
  }
}

const preparedFor = new WeakMap<Database, ReturnType<typeof prepareQueries>>()

/**
 * The columns of a film's row (`films`, in the query) that make up the state of the member
 * `userId` (a value, or a column of the query); lists and diary entries come as JSON arrays.
 */
function filmStateColumns(userId: SQLWrapper) {
  const filmId = qualified(films.id)
  const listId = qualified(lists.id)
  return {
    filmId: films.id,
    yearStart: films.yearStart,
    rating: sql<number | null>`(select ${ratings.score} from ${ratings}
      where ${ratings.userId} = ${userId} and ${ratings.filmId} = ${filmId})`,
    onWatchlist: sql<number>`exists (select 1 from ${watchlistEntries}
      where ${watchlistEntries.userId} = ${userId} and ${watchlistEntries.filmId} = ${filmId})`,
    watched: sql<number>`exists (select 1 from ${watchedFilms}
      where ${watchedFilms.userId} = ${userId} and ${watchedFilms.filmId} = ${filmId})`,
    lists: sql<string>`(select json_group_array(json_object(
        'id', ${listId},
        'title', ${lists.title},
        'hasFilm', exists (select 1 from ${listEntries}
          where ${listEntries.listId} = ${listId} and ${listEntries.filmId} = ${filmId})
      ) order by ${lists.title}, ${listId})
      from ${lists} where ${lists.userId} = ${userId})`,
    // Newest viewing first, as db/diary.ts lists a film's entries.
    entries: sql<string>`(select json_group_array(json_object(
        'id', ${diaryEntries.id},
        'watchedOn', ${diaryEntries.watchedOn},
        'score', ${diaryEntries.score},
        'rewatch', ${diaryEntries.rewatch},
        'review', ${diaryEntries.review},
        'spoilers', ${diaryEntries.spoilers},
        'tags', json(${diaryEntries.tags})
      ) order by ${diaryEntries.watchedOn} desc, ${diaryEntries.id} desc)
      from ${diaryEntries}
      where ${diaryEntries.userId} = ${userId} and ${diaryEntries.filmId} = ${filmId})`,
    // The member's own reviews, public or not, newest first, as db/reviews.ts lists reviews.
    ownReviews: sql<string>`(select json_group_array(json_object(
        'id', ${diaryEntries.id},
        'author', (select "author"."username" from ${users} as "author" where "author"."id" = ${userId}),
        'watchedOn', ${diaryEntries.watchedOn},
        'score', ${diaryEntries.score},
        'rewatch', ${diaryEntries.rewatch},
        'text', ${diaryEntries.review},
        'spoilers', ${diaryEntries.spoilers}
      ) order by ${diaryEntries.loggedAt} desc, ${diaryEntries.id} desc)
      from ${diaryEntries}
      where ${diaryEntries.userId} = ${userId} and ${diaryEntries.filmId} = ${filmId}
        and ${diaryEntries.review} is not null)`,
  }
}

/**
 * `"table"."column"`: Drizzle leaves columns unqualified in a query from one table, where a
 * subquery would read a column of an outer table as one of its own of the same name.
 */
const qualified = (column: Column) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`

type FilmStateRow = {
  filmId: number | null
  yearStart: number | null
  rating: number | null
  onWatchlist: number | null
  watched: number | null
  lists: string | null
  entries: string | null
  ownReviews: string | null
}

type JsonList = { id: number; title: string; hasFilm: number }
type JsonEntry = Omit<FilmEntry, 'rewatch' | 'spoilers'> & { rewatch: number; spoilers: number }
type JsonReview = Omit<Review, 'rewatch' | 'spoilers'> & { rewatch: number; spoilers: number }

/** The state from a row of `filmStateColumns`; null when the row found no film. */
function filmStateFrom(row: FilmStateRow): FilmState | null {
  if (row.filmId === null || row.yearStart === null) return null
  const lists = JSON.parse(row.lists ?? '[]') as JsonList[]
  const entries = (JSON.parse(row.entries ?? '[]') as JsonEntry[]).map((entry) => ({
    ...entry,
    rewatch: Boolean(entry.rewatch),
    spoilers: Boolean(entry.spoilers),
  }))
  return {
    filmId: row.filmId,
    yearStart: row.yearStart,
    diary: { watched: Boolean(row.watched) || entries.length > 0, entries },
    ownReviews: (JSON.parse(row.ownReviews ?? '[]') as JsonReview[]).map((review) => ({
      ...review,
      rewatch: Boolean(review.rewatch),
      spoilers: Boolean(review.spoilers),
    })),
    today: todayUtc(),
    rating: row.rating,
    onWatchlist: Boolean(row.onWatchlist),
    lists: lists.map(({ id, title, hasFilm }) => ({ id, title, hasFilm: Boolean(hasFilm) })),
  }
}
