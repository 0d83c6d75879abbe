import 'server-only'
import { and, eq } from 'drizzle-orm'
import type { Executor } from './executor'
import { lists, users } from './schema'
import type { Viewer } from './users'

/** The list a change touched, with what its pages' paths are made of. */
export type ChangedList = {
  id: number
  slug: string
  title: string
  public: boolean
  ownerUsername: string | null
}

/**
 * What a change to a list did, or which of the things it named is not there (or not the
 * viewer's): the list, the film, or the film's entry on the list.
 */
export type ListChange<T = object> =
  ({ list: ChangedList } & T) | { missing: 'list' | 'film' | 'entry' }

export const missing = (what: 'list' | 'film' | 'entry') => ({ missing: what }) as const

/** The viewer's list with this id: the scope every write to a list or its entries runs in. */
export const ownedBy = (viewer: Viewer, listId: number) =>
  and(eq(lists.id, listId), eq(lists.userId, viewer.id))

export const ownedListIds = (viewer: Viewer, listId: number, db: Executor) =>
  db.select({ id: lists.id }).from(lists).where(ownedBy(viewer, listId))

export async function findOwnedList(
  viewer: Viewer,
  listId: number,
  db: Executor,
): Promise<ChangedList | null> {
  const [row] = await db
    .select({
      id: lists.id,
      slug: lists.slug,
      title: lists.title,
      visibility: lists.visibility,
      ownerUsername: users.username,
    })
    .from(lists)
    .innerJoin(users, eq(users.id, lists.userId))
    .where(ownedBy(viewer, listId))
  if (!row) return null
  const { visibility, ...list } = row
  return { ...list, public: visibility === 'public' }
}

/** Keeps "recently changed" order on /lists. */
export async function touchList(viewer: Viewer, listId: number, db: Executor, at = new Date()) {
  await db.update(lists).set({ updatedAt: at }).where(ownedBy(viewer, listId))
}
