import 'server-only'
import { count, desc, eq, sql } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { diaryEntries, films, users } from './schema'
import type { Viewer } from './users'

export const DIARY_PAGE_SIZE = 50
export const EXCERPT_LENGTH = 280

export type DiaryOwner = { id: string; username: string; diaryPublic: boolean }

export type DiaryLine = {
  id: number
  watchedOn: string
  film: { slug: string; title: string; yearStart: number }
  score: number | null
  rewatch: boolean
  /** The review's first characters (one more than EXCERPT_LENGTH tells that it goes on). */
  excerpt: string | null
  spoilers: boolean
}

/**
 * The owner of the diary at /u/<username>/diary, if the viewer may see it: anyone when it is
 * public, only its owner when private.
 */
export async function visibleDiaryOwner(
  username: string,
  viewer: Viewer | null,
  db: Database = getDb(),
): Promise<DiaryOwner | null> {
  const [owner] = await db
    .select({ id: users.id, username: users.username, diaryPublic: users.diaryPublic })
    .from(users)
    .where(eq(users.username, username))
  if (!owner?.username) return null
  if (!owner.diaryPublic && owner.id !== viewer?.id) return null
  return { ...owner, username: owner.username }
}

/** The viewer's own diary's owner record (their username may still be unset). */
export async function ownDiaryOwner(viewer: Viewer, db: Database = getDb()) {
  const [owner] = await db
    .select({ username: users.username, diaryPublic: users.diaryPublic })
    .from(users)
    .where(eq(users.id, viewer.id))
  return owner ?? null
}

/**
 * One page of a diary, newest viewing first. Only for an owner that visibleDiaryOwner or the
 * viewer's own session has let through.
 */
export async function diaryPage(
  owner: { id: string },
  page: number,
  db: Database = getDb(),
): Promise<{ lines: DiaryLine[]; total: number }> {
  const [lines, [counted]] = await Promise.all([
    db
      .select({
        id: diaryEntries.id,
        watchedOn: diaryEntries.watchedOn,
        film: { slug: films.slug, title: films.title, yearStart: films.yearStart },
        score: diaryEntries.score,
        rewatch: diaryEntries.rewatch,
        excerpt: sql<string | null>`substr(${diaryEntries.review}, 1, ${EXCERPT_LENGTH + 1})`,
        spoilers: diaryEntries.spoilers,
      })
      .from(diaryEntries)
      .innerJoin(films, eq(films.id, diaryEntries.filmId))
      .where(eq(diaryEntries.userId, owner.id))
      .orderBy(desc(diaryEntries.watchedOn), desc(diaryEntries.id))
      .limit(DIARY_PAGE_SIZE)
      .offset((page - 1) * DIARY_PAGE_SIZE),
    db.select({ n: count() }).from(diaryEntries).where(eq(diaryEntries.userId, owner.id)),
  ])
  return { lines, total: counted?.n ?? 0 }
}

export async function setDiaryPublic(viewer: Viewer, diaryPublic: boolean, db: Database = getDb()) {
  await db.update(users).set({ diaryPublic }).where(eq(users.id, viewer.id))
}
