import 'server-only'
import { and, count, desc, eq } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { publicListsOf, type ListSummary } from './list-queries'
import { curatedEntries, curatedLists, films, ratings, users } from './schema'
import type { Viewer } from './users'
import { publicWatchlistOf } from './watchlist'

type FilmLine = { slug: string; title: string; yearStart: number; yearEnd: number | null }

export type ProfilePage = {
  username: string
  memberSince: Date
  lists: ListSummary[]
  ratingCount: number
  /** The most recent ones, newest first. */
  ratings: { film: FilmLine; score: number; ratedAt: Date }[]
  /** Newest first; null unless the person has made their watchlist public. */
  watchlist: (FilmLine & { addedAt: Date })[] | null
}

export const PROFILE_RATINGS_SHOWN = 100

const filmLine = {
  slug: films.slug,
  title: films.title,
  yearStart: films.yearStart,
  yearEnd: films.yearEnd,
}

/** Everything anyone may see on a person's page: public lists, ratings, a public watchlist. */
export async function findProfilePage(
  username: string,
  db: Database = getDb(),
): Promise<ProfilePage | null> {
  const [person] = await db
    .select({ id: users.id, memberSince: users.createdAt })
    .from(users)
    .where(eq(users.username, username))
  if (!person) return null
  const [lists, [rated], recentRatings, watchlist] = await Promise.all([
    publicListsOf(username, db),
    db.select({ n: count() }).from(ratings).where(eq(ratings.userId, person.id)),
    db
      .select({ film: filmLine, score: ratings.score, ratedAt: ratings.ratedAt })
      .from(ratings)
      .innerJoin(films, eq(films.id, ratings.filmId))
      .where(eq(ratings.userId, person.id))
      .orderBy(desc(ratings.ratedAt), desc(ratings.filmId))
      .limit(PROFILE_RATINGS_SHOWN),
    publicWatchlistOf(username, 'added', db),
  ])
  return {
    username,
    memberSince: person.memberSince,
    lists,
    ratingCount: rated?.n ?? 0,
    ratings: recentRatings,
    watchlist,
  }
}

/** How many of a curated list's films the viewer has rated: "You have rated 3 of 9". */
export async function curatedProgressOf(
  viewer: Viewer,
  curatedSlug: string,
  db: Database = getDb(),
) {
  const [row] = await db
    .select({ total: count(curatedEntries.filmId), rated: count(ratings.filmId) })
    .from(curatedEntries)
    .innerJoin(curatedLists, eq(curatedLists.id, curatedEntries.listId))
    .leftJoin(
      ratings,
      and(eq(ratings.filmId, curatedEntries.filmId), eq(ratings.userId, viewer.id)),
    )
    .where(eq(curatedLists.slug, curatedSlug))
  return { rated: row?.rated ?? 0, total: row?.total ?? 0 }
}
