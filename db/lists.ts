import 'server-only'
import { and, eq, inArray, like, or } from 'drizzle-orm'
import type { ListEdit, ListFields } from '@/lib/rules/lists'
import { getDb, type Database } from './client'
import type { Executor } from './executor'
import { findOwnedList, ownedBy, ownedListIds, type ChangedList } from './list-scope'
import { listEntries, lists } from './schema'
import { slugify } from './search-text'
import type { Viewer } from './users'

// Each change takes the signed-in person and validated fields, and writes only inside that
// person's own lists; null means no such list of theirs. Entries are in db/list-entries.ts.

/** The title's slug, or with -2, -3… the first one this person has not used yet. */
async function freeSlug(viewer: Viewer, title: string, db: Executor) {
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
  fields: ListFields,
  db: Database = getDb(),
): Promise<ChangedList> {
  // Two lists with one title created at once can pick the same slug; the loser tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      const now = new Date()
      const slug = await freeSlug(viewer, fields.title, db)
      const [row] = await db
        .insert(lists)
        .values({ ...fields, userId: viewer.id, slug, createdAt: now, updatedAt: now })
        .returning({ id: lists.id })
      return (await findOwnedList(viewer, row!.id, db))!
    } catch (error) {
      if (attempt >= 20 || !isUniqueViolation(error)) throw error
    }
  }
}

/** Changes title, description and visibility; the slug stays, so shared links keep working. */
export async function updateList(
  viewer: Viewer,
  { listId, ...fields }: ListEdit,
  db: Database = getDb(),
): Promise<ChangedList | null> {
  const [row] = await db
    .update(lists)
    .set({ ...fields, updatedAt: new Date() })
    .where(ownedBy(viewer, listId))
    .returning({ id: lists.id })
  return row ? findOwnedList(viewer, row.id, db) : null
}

export async function deleteList(
  viewer: Viewer,
  listId: number,
  db: Database = getDb(),
): Promise<ChangedList | null> {
  const list = await findOwnedList(viewer, listId, db)
  if (!list) return null
  // One batch, so the entries and the list go together (see db/list-entries.ts for why a batch).
  const [, deleted] = await db.batch([
    db.delete(listEntries).where(inArray(listEntries.listId, ownedListIds(viewer, listId, db))),
    db.delete(lists).where(ownedBy(viewer, listId)).returning({ id: lists.id }),
  ])
  return deleted.length > 0 ? list : null
}
