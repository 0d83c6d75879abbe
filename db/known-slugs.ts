import 'server-only'
import { and, eq } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { curatedLists, films, filmSlugAliases, lists, people, users } from './schema'

export type SlugKind = 'films' | 'people' | 'curated' | 'u'

const exists = async (rows: Promise<unknown[]>) => (await rows).length > 0

const lookups: Record<SlugKind, (db: Database, slug: string) => Promise<boolean>> = {
  films: async (db, slug) =>
    (await exists(db.select({ id: films.id }).from(films).where(eq(films.slug, slug)).limit(1))) ||
    exists(db.select({ id: filmSlugAliases.filmId }).from(filmSlugAliases).where(eq(filmSlugAliases.slug, slug)).limit(1)), // prettier-ignore
  people: (db, slug) =>
    exists(db.select({ id: people.id }).from(people).where(eq(people.slug, slug)).limit(1)),
  curated: (db, slug) =>
    exists(db.select({ id: curatedLists.id }).from(curatedLists).where(eq(curatedLists.slug, slug)).limit(1)), // prettier-ignore
  u: (db, slug) =>
    exists(db.select({ id: users.id }).from(users).where(eq(users.username, slug)).limit(1)),
}

// Catalogue slugs once found stay known for the life of the process, so a cached page costs no
// query; members can delete their accounts, so usernames are looked up every time.
const remembered: Partial<Record<SlugKind, Set<string>>> = {
  films: new Set(),
  people: new Set(),
  curated: new Set(),
}

/** Whether a page exists for this slug (for films, an old slug that redirects counts). */
export async function isKnownSlug(kind: SlugKind, slug: string, db: Database = getDb()) {
  const memory = remembered[kind]
  if (memory?.has(slug)) return true
  if (!(await lookups[kind](db, slug))) return false
  memory?.add(slug)
  return true
}

/**
 * Who may see the list at /u/<username>/lists/<slug>: anyone, only its owner, or (null) nobody
 * because there is no such list. Looked up every time, since lists go public and private.
 */
export async function listAudience(username: string, slug: string, db: Database = getDb()) {
  const [row] = await db
    .select({ ownerId: lists.userId, visibility: lists.visibility })
    .from(lists)
    .innerJoin(users, eq(users.id, lists.userId))
    .where(and(eq(users.username, username), eq(lists.slug, slug)))
  if (!row) return null
  return row.visibility === 'public' ? ('everyone' as const) : { ownerId: row.ownerId }
}
