import 'server-only'
import { and, eq, inArray, like, or } from 'drizzle-orm'
import { deleteListSchema, editListSchema, listFieldsSchema } from '@/lib/list-rules'
import { getDb, type Database } from './client'
import type { Executor } from './executor'
import {
  failure,
  findOwnedList,
  invalid,
  LIST_NOT_FOUND,
  ownedBy,
  ownedListIds,
  type ListOutcome,
} from './list-scope'
import { listEntries, lists } from './schema'
import { slugify } from './search-text'
import type { Viewer } from './users'

// Each function here is a server action's logic: it takes the signed-in person and the raw form
// fields, validates them, and writes only inside that person's own lists. Entries are in
// db/list-entries.ts.

/** The title's slug, or with -2, -3… the first one this person has not used yet. */
async function freeSlug(db: Executor, viewer: Viewer, title: string) {
  const base = slugify(title).slice(0, 80).replace(/-+$/, '') || 'list'
  // Slugs hold only letters, digits and hyphens, so LIKE's wildcards cannot occur in `base`.
  const sameBase = or(eq(lists.slug, base), like(lists.slug, `${base}-%`))
  const rows = await db
    .select({ slug: lists.slug })
    .from(lists)
    .where(and(eq(lists.userId, viewer.id), sameBase))
  const taken = new Set(rows.map((row) => row.slug))
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return slug
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e.message.includes('UNIQUE constraint failed')) return true
  }
  return false
}

export async function createList(
  viewer: Viewer,
  input: unknown,
  db: Database = getDb(),
): Promise<ListOutcome> {
  const parsed = listFieldsSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  // Two lists with one title created at once can pick the same slug; the loser tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      const now = new Date()
      const slug = await freeSlug(db, viewer, parsed.data.title)
      const [row] = await db
        .insert(lists)
        .values({ ...parsed.data, userId: viewer.id, slug, createdAt: now, updatedAt: now })
        .returning({ id: lists.id })
      return { ok: true, list: (await findOwnedList(db, viewer, row!.id))! }
    } catch (error) {
      if (attempt >= 20 || !isUniqueViolation(error)) throw error
    }
  }
}

/** Changes title, description and visibility; the slug stays, so shared links keep working. */
export async function updateList(
  viewer: Viewer,
  input: unknown,
  db: Database = getDb(),
): Promise<ListOutcome> {
  const parsed = editListSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { listId, ...fields } = parsed.data
  const [row] = await db
    .update(lists)
    .set({ ...fields, updatedAt: new Date() })
    .where(ownedBy(viewer, listId))
    .returning({ id: lists.id })
  if (!row) return failure(LIST_NOT_FOUND)
  return { ok: true, list: (await findOwnedList(db, viewer, row.id))! }
}

export async function deleteList(
  viewer: Viewer,
  input: unknown,
  db: Database = getDb(),
): Promise<ListOutcome> {
  const parsed = deleteListSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { listId } = parsed.data
  const list = await findOwnedList(db, viewer, listId)
  if (!list) return failure(LIST_NOT_FOUND)
  // One batch, so the entries and the list go together (see db/list-entries.ts for why a batch).
  const [, deleted] = await db.batch([
    db.delete(listEntries).where(inArray(listEntries.listId, ownedListIds(db, viewer, listId))),
    db.delete(lists).where(ownedBy(viewer, listId)).returning({ id: lists.id }),
  ])
  return deleted.length > 0 ? { ok: true, list } : failure(LIST_NOT_FOUND)
}
