import 'server-only'
import { and, asc, desc, eq, exists, gt, inArray, lt, sql } from 'drizzle-orm'
import { entryNoteSchema, entrySchema, moveEntrySchema } from '@/lib/list-rules'
import { getDb, type Database } from './client'
import {
  ENTRY_NOT_FOUND,
  failure,
  FILM_NOT_FOUND,
  findOwnedList,
  invalid,
  LIST_NOT_FOUND,
  ownedBy,
  ownedListIds,
  touchList,
  type ListOutcome,
} from './list-scope'
import { films, listEntries, lists } from './schema'
import type { Viewer } from './users'

// Server actions' logic for the films on a list, like db/lists.ts: raw fields in, validated,
// written only inside the viewer's own lists. Each change is one statement or one batch (a
// transaction run in a single call): with the embedded database, a transaction left open across
// awaits makes any other write in this process wait on a lock the event loop cannot release.

/** One film's entry, if the list is the viewer's: the WHERE of every write to an entry. */
const ownedEntry = (db: Database, viewer: Viewer, listId: number, filmId: number) =>
  and(inArray(listEntries.listId, ownedListIds(db, viewer, listId)), eq(listEntries.filmId, filmId))

// The position after the last entry of the list in the enclosing query.
const nextPosition = sql<number>`coalesce((select max(${listEntries.position}) from ${listEntries}
  where ${listEntries.listId} = ${lists.id}), -1) + 1`.as('position')

/** Whether an entry is still at a position: the guard that makes a swap safe to retry. */
const isAt = (db: Database, listId: number, filmId: number, position: number) =>
  exists(
    db
      .select({ filmId: listEntries.filmId })
      .from(listEntries)
      .where(and(eq(listEntries.listId, listId), eq(listEntries.filmId, filmId), eq(listEntries.position, position))), // prettier-ignore
  )

/** Adds a film at the end of the list; a film already on it stays where it is. */
export async function addToList(
  viewer: Viewer,
  input: unknown,
  db: Database = getDb(),
): Promise<ListOutcome<{ added: boolean }>> {
  const parsed = entrySchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { listId, filmId } = parsed.data
  const list = await findOwnedList(db, viewer, listId)
  if (!list) return failure(LIST_NOT_FOUND)
  const now = new Date()
  // The position is read and written in one statement, so films added at once get their own.
  const inserted = await db
    .insert(listEntries)
    .select(
      db
        .select({
          listId: lists.id,
          filmId: films.id,
          position: nextPosition,
          note: sql<string>`''`.as('note'),
          addedAt: sql<number>`${now.getTime()}`.as('added_at'),
        })
        .from(lists)
        .innerJoin(films, eq(films.id, filmId))
        .where(ownedBy(viewer, listId)),
    )
    .onConflictDoNothing()
    .returning({ filmId: listEntries.filmId })
  if (inserted.length > 0) {
    await touchList(db, viewer, listId, now)
    return { ok: true, list, added: true }
  }
  const [film] = await db.select({ id: films.id }).from(films).where(eq(films.id, filmId))
  return film ? { ok: true, list, added: false } : failure(FILM_NOT_FOUND)
}

/** Removing a film that is not on the list (any more) is not an error. */
export async function removeFromList(
  viewer: Viewer,
  input: unknown,
  db: Database = getDb(),
): Promise<ListOutcome> {
  const parsed = entrySchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { listId, filmId } = parsed.data
  const list = await findOwnedList(db, viewer, listId)
  if (!list) return failure(LIST_NOT_FOUND)
  const removed = await db
    .delete(listEntries)
    .where(ownedEntry(db, viewer, listId, filmId))
    .returning({ filmId: listEntries.filmId })
  if (removed.length > 0) await touchList(db, viewer, listId)
  return { ok: true, list }
}

/** Swaps the entry with its neighbour; at either end it stays put. */
export async function moveEntry(
  viewer: Viewer,
  input: unknown,
  db: Database = getDb(),
): Promise<ListOutcome> {
  const parsed = moveEntrySchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { listId, filmId, direction } = parsed.data
  const list = await findOwnedList(db, viewer, listId)
  if (!list) return failure(LIST_NOT_FOUND)
  // Read, then swap only if both entries are still where they were read; else read again.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const [entry] = await db
      .select({ position: listEntries.position })
      .from(listEntries)
      .where(ownedEntry(db, viewer, listId, filmId))
    if (!entry) return failure(ENTRY_NOT_FOUND)
    const up = direction === 'up'
    const [neighbour] = await db
      .select({ filmId: listEntries.filmId, position: listEntries.position })
      .from(listEntries)
      .where(
        and(
          inArray(listEntries.listId, ownedListIds(db, viewer, listId)),
          (up ? lt : gt)(listEntries.position, entry.position),
        ),
      )
      .orderBy(up ? desc(listEntries.position) : asc(listEntries.position))
      .limit(1)
    if (!neighbour) return { ok: true, list }
    const at = (id: number, position: number) =>
      and(ownedEntry(db, viewer, listId, id), eq(listEntries.position, position))
    const [swapped] = await db.batch([
      db
        .update(listEntries)
        .set({ position: neighbour.position })
        .where(
          and(at(filmId, entry.position), isAt(db, listId, neighbour.filmId, neighbour.position)),
        )
        .returning({ filmId: listEntries.filmId }),
      db
        .update(listEntries)
        .set({ position: entry.position })
        .where(
          and(
            at(neighbour.filmId, neighbour.position),
            isAt(db, listId, filmId, neighbour.position),
          ),
        ),
      db.update(lists).set({ updatedAt: new Date() }).where(ownedBy(viewer, listId)),
    ])
    if (swapped.length > 0) return { ok: true, list }
  }
  throw new Error('The list kept changing while an entry was being moved')
}

export async function saveEntryNote(
  viewer: Viewer,
  input: unknown,
  db: Database = getDb(),
): Promise<ListOutcome> {
  const parsed = entryNoteSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { listId, filmId, note } = parsed.data
  const list = await findOwnedList(db, viewer, listId)
  if (!list) return failure(LIST_NOT_FOUND)
  const saved = await db
    .update(listEntries)
    .set({ note })
    .where(ownedEntry(db, viewer, listId, filmId))
    .returning({ filmId: listEntries.filmId })
  if (saved.length === 0) return failure(ENTRY_NOT_FOUND)
  await touchList(db, viewer, listId)
  return { ok: true, list }
}
