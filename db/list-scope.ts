import 'server-only'
import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { fieldErrors } from '@/lib/account-rules'
import { CHECK_FIELDS } from '@/lib/action-state'
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

export type ListFailure = { ok: false; message: string; fieldErrors?: Record<string, string[]> }
export type ListOutcome<T = object> = ({ ok: true; list: ChangedList } & T) | ListFailure

export const LIST_NOT_FOUND = 'That list was not found.'
export const FILM_NOT_FOUND = 'That film was not found.'
export const ENTRY_NOT_FOUND = 'That film is not on this list.'

export const failure = (message: string): ListFailure => ({ ok: false, message })

export function invalid(error: z.ZodError): ListFailure {
  const errors = fieldErrors(error)
  const fields = Object.keys(errors)
  // A bad hidden id is nothing the person can correct in a field, and says nothing about others.
  if (fields.includes('listId')) return failure(LIST_NOT_FOUND)
  if (fields.includes('filmId')) return failure(FILM_NOT_FOUND)
  if (fields.length === 1 && fields[0] === 'direction') return failure(errors.direction![0]!)
  return { ok: false, message: CHECK_FIELDS, fieldErrors: errors }
}

/** The viewer's list with this id: the scope every write to a list or its entries runs in. */
export const ownedBy = (viewer: Viewer, listId: number) =>
  and(eq(lists.id, listId), eq(lists.userId, viewer.id))

export const ownedListIds = (db: Executor, viewer: Viewer, listId: number) =>
  db.select({ id: lists.id }).from(lists).where(ownedBy(viewer, listId))

export async function findOwnedList(
  db: Executor,
  viewer: Viewer,
  listId: number,
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
export async function touchList(db: Executor, viewer: Viewer, listId: number, at = new Date()) {
  await db.update(lists).set({ updatedAt: at }).where(ownedBy(viewer, listId))
}
