import 'server-only'
import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from './client'
import { watchedFilms, watchlistEntries } from './schema'
import type { Viewer } from './users'

/** A table of films a member has marked: one row a member and film. */
type MemberFilms = typeof watchedFilms | typeof watchlistEntries

/** Which of these films the viewer has in `table`, in one query (for a page of cards). */
export async function filmsAmong(
  table: MemberFilms,
  viewer: Viewer,
  filmIds: number[],
  db: Database,
): Promise<Set<number>> {
  if (filmIds.length === 0) return new Set()
  const rows = await db
    .select({ filmId: table.filmId })
    .from(table)
    .where(and(eq(table.userId, viewer.id), inArray(table.filmId, filmIds)))
  return new Set(rows.map((row) => row.filmId))
}
