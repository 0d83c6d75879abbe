import 'server-only'
import { and, asc, desc, eq, exists, gt, inArray, lt, sql } from 'drizzle-orm'
import type { EntryMove, EntryNote, EntryRef } from '@/lib/rules/lists'
import { getDb, type Database } from './client'
import {
  findOwnedList,
  missing,
  ownedBy,
  ownedListIds,
  touchList,
  type ListChange,
} from './list-scope'
import { films, listEntries, lists } from './schema'
import type { Viewer } from './users'

// The films on a list, like db/lists.ts: validated fields in, written only inside the viewer's
// own lists. Each change is one statement or one batch (a
// transaction run in a single call): with the embedded database, a transaction left open across
// awaits makes any other write in this process wait on a lock the event loop cannot release.

/** One film's entry, if the list is the viewer's: the WHERE of every write to an entry. */
const ownedEntry = (viewer: Viewer, { listId, filmId }: EntryRef, db: Database) =>
  and(inArray(listEntries.listId, ownedListIds(viewer, listId, db)), eq(listEntries.filmId, filmId))

// The position after the last entry of the list in the enclosing query.
const nextPosition = sql<number>`coalesce((select max(${listEntries.position}) from ${listEntries}
  where ${listEntries.listId} = ${lists.id}), -1) + 1`.as('position')

/** Whether an entry is still at a position: the guard that makes a swap safe to retry. */
const isAt = (listId: number, filmId: number, position: number, db: Database) =>
  exists(
    db
      .select({ filmId: listEntries.filmId })
      .from(listEntries)
      .where(and(eq(listEntries.listId, listId), eq(listEntries.filmId, filmId), eq(listEntries.position, position))), // prettier-ignore
  )

/** Adds a film at the end of the list; a film already on it stays where it is. */
export async function addToList(
  viewer: Viewer,
  { listId, filmId }: EntryRef,
  db: Database = getDb(),
): Promise<ListChange<{ added: boolean }>> {
  const list = await findOwnedList(viewer, listId, db)
  if (!list) return missing('list')
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
    await touchList(viewer, listId, db, now)
    return { list, added: true }
  }
  const [film] = await db.select({ id: films.id }).from(films).where(eq(films.id, filmId))
  return film ? { list, added: false } : missing('film')
}

/** Removing a film that is not on the list (any more) is not an error. */
export async function removeFromList(
  viewer: Viewer,
  entry: EntryRef,
  db: Database = getDb(),
): Promise<ListChange> {
  const list = await findOwnedList(viewer, entry.listId, db)
  if (!list) return missing('list')
  const removed = await db
    .delete(listEntries)
    .where(ownedEntry(viewer, entry, db))
    .returning({ filmId: listEntries.filmId })
  if (removed.length > 0) await touchList(viewer, entry.listId, db)
  return { list }
}

/** Swaps the entry with its neighbour; at either end it stays put. */
export async function moveEntry(
  viewer: Viewer,
  { listId, filmId, direction }: EntryMove,
  db: Database = getDb(),
): Promise<ListChange> {
  const list = await findOwnedList(viewer, listId, db)
  if (!list) return missing('list')
  // Read, then swap only if both entries are still where they were read; else read again.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const [entry] = await db
      .select({ position: listEntries.position })
      .from(listEntries)
      .where(ownedEntry(viewer, { listId, filmId }, db))
    if (!entry) return missing('entry')
    const up = direction === 'up'
    const [neighbour] = await db
      .select({ filmId: listEntries.filmId, position: listEntries.position })
      .from(listEntries)
      .where(
        and(
          inArray(listEntries.listId, ownedListIds(viewer, listId, db)),
          (up ? lt : gt)(listEntries.position, entry.position),
        ),
      )
      .orderBy(up ? desc(listEntries.position) : asc(listEntries.position))
      .limit(1)
    if (!neighbour) return { list }
    const at = (id: number, position: number) =>
      and(ownedEntry(viewer, { listId, filmId: id }, db), eq(listEntries.position, position))
    const [swapped] = await db.batch([
      db
        .update(listEntries)
        .set({ position: neighbour.position })
        .where(
          and(at(filmId, entry.position), isAt(listId, neighbour.filmId, neighbour.position, db)),
        )
        .returning({ filmId: listEntries.filmId }),
      db
        .update(listEntries)
        .set({ position: entry.position })
        .where(
          and(
            at(neighbour.filmId, neighbour.position),
            isAt(listId, filmId, neighbour.position, db),
          ),
        ),
      db.update(lists).set({ updatedAt: new Date() }).where(ownedBy(viewer, listId)),
    ])
    if (swapped.length > 0) return { list }
  }
  throw new Error('The list kept changing while an entry was being moved')
}

export async function saveEntryNote(
  viewer: Viewer,
  { note, ...entry }: EntryNote,
  db: Database = getDb(),
): Promise<ListChange> {
  const list = await findOwnedList(viewer, entry.listId, db)
  if (!list) return missing('list')
  const saved = await db
    .update(listEntries)
    .set({ note })
    .where(ownedEntry(viewer, entry, db))
    .returning({ filmId: listEntries.filmId })
  if (saved.length === 0) return missing('entry')
  await touchList(viewer, entry.listId, db)
  return { list }
}
