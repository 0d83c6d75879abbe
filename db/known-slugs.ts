import 'server-only'
import { and, eq } from 'drizzle-orm'
import type { SlugCheck, SlugKind, SlugParams } from '@/lib/routes'
import { decadeOfSlug } from '@/lib/decades'
import { catalogueDecades } from './catalogue'
import { getDb, type Database } from './client'
import { curatedLists, films, filmSlugAliases, lists, people, users } from './schema'

/** Who may see a page: anyone, only its owner, or (null) nobody because it does not exist. */
export type Audience = 'everyone' | { ownerId: string } | null

const anyone = async (rows: Promise<unknown[]>): Promise<Audience> =>
  (await rows).length > 0 ? 'everyone' : null

/** One lookup for each `exists` in lib/routes.ts's PAGE_KINDS; a missing one fails typecheck. */
export type Lookups = {
  [K in SlugKind]: (params: SlugParams<K>, db: Database) => Promise<Audience>
}

const lookups: Lookups = {
  film: async ({ slug }, db) =>
    (await anyone(db.select({ id: films.id }).from(films).where(eq(films.slug, slug)).limit(1))) ??
    anyone(db.select({ id: filmSlugAliases.filmId }).from(filmSlugAliases).where(eq(filmSlugAliases.slug, slug)).limit(1)), // prettier-ignore
  person: ({ slug }, db) =>
    anyone(db.select({ id: people.id }).from(people).where(eq(people.slug, slug)).limit(1)),
  curatedList: ({ slug }, db) =>
    anyone(db.select({ id: curatedLists.id }).from(curatedLists).where(eq(curatedLists.slug, slug)).limit(1)), // prettier-ignore
  decade: async ({ decade }, db) => {
    const start = decadeOfSlug(decade)
    return start !== null && (await catalogueDecades(db)).includes(start) ? 'everyone' : null
  },
  member: ({ username }, db) =>
    anyone(db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1)),
  memberList: ({ username, slug }, db) => listAudience(username, slug, db),
  memberListEditor: async ({ username, slug }, db) => {
    const owner = await listOwner(username, slug, db)
    return owner && { ownerId: owner.ownerId }
  },
  memberDiary: async ({ username }, db) => {
    const [row] = await db
      .select({ id: users.id, diaryPublic: users.diaryPublic })
      .from(users)
      .where(eq(users.username, username))
    if (!row) return null
    return row.diaryPublic ? 'everyone' : { ownerId: row.id }
  },
}

// Catalogue pages once found stay known for the life of the process, so a cached page costs no
// query; members can delete their accounts and make lists private, so theirs are looked up every
// time.
const remembered: Partial<Record<SlugKind, Set<string>>> = {
  film: new Set(),
  person: new Set(),
  curatedList: new Set(),
  decade: new Set(),
}

/** Who may see the page a check names (for films, an old slug that redirects counts). */
export async function pageAudience(check: SlugCheck, db: Database = getDb()): Promise<Audience> {
  const memory = remembered[check.kind]
  const key = JSON.stringify(check.params)
  if (memory?.has(key)) return 'everyone'
  const audience = await lookUp(check, db)
  if (audience === 'everyone') memory?.add(key)
  return audience
}

// Generic so that each kind's lookup is called with its own parameters.
function lookUp<K extends SlugKind>(check: { kind: K; params: SlugParams<K> }, db: Database) {
  return lookups[check.kind](check.params, db)
}

/**
 * Who may see the list at /u/<username>/lists/<slug>. Looked up every time, since lists go public
 * and private.
 */
export async function listAudience(
  username: string,
  slug: string,
  db: Database = getDb(),
): Promise<Audience> {
  const row = await listOwner(username, slug, db)
  if (!row) return null
  return row.visibility === 'public' ? 'everyone' : { ownerId: row.ownerId }
}

async function listOwner(username: string, slug: string, db: Database) {
  const [row] = await db
    .select({ ownerId: lists.userId, visibility: lists.visibility })
    .from(lists)
    .innerJoin(users, eq(users.id, lists.userId))
    .where(and(eq(users.username, username), eq(lists.slug, slug)))
  return row ?? null
}
