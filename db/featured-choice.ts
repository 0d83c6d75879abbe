import 'server-only'
import { eq, inArray, sql } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { recordCuratorChange, type Curator } from './curators'
import type { Executor } from './executor'
import { FEATURED_LIST } from './featured-list'
import { curatedEntries, curatedLists, films, siteSettings } from './schema'

export type FeaturedList = { slug: string; title: string }

/**
 * The id of the featured curated list, for use inside a query: the curator's choice, else the
 * bundled list. The one place that says which list is featured.
 */
export const featuredListId = sql<number | null>`coalesce(
  (select ${siteSettings.featuredListId} from ${siteSettings} where ${siteSettings.id} = 1),
  (select ${curatedLists.id} from ${curatedLists} where ${curatedLists.slug} = ${FEATURED_LIST.slug}))`

/** The curated list the home page shows. */
export async function featuredList(db: Executor = getDb()): Promise<FeaturedList> {
  const [row] = await db
    .select({ slug: curatedLists.slug, title: curatedLists.title })
    .from(curatedLists)
    .where(eq(curatedLists.id, featuredListId))
  // Only before the bundled list is first loaded (db/prepare.ts) is there no row.
  return row ?? { slug: FEATURED_LIST.slug, title: FEATURED_LIST.title }
}

const remembered = new WeakMap<Database, Promise<FeaturedList>>()

/**
 * featuredList, remembered for the server outside Next (server.ts), whose hot personal-state
 * path asks for it on every home page view. The change feed forgets it whenever the home page
 * changes (lib/server/page-change-feed.ts), so every process follows a new choice.
 */
export function rememberedFeaturedList(db: Database = getDb()): Promise<FeaturedList> {
  let found = remembered.get(db)
  if (!found) {
    found = featuredList(db)
    remembered.set(db, found)
    found.catch(() => remembered.delete(db))
  }
  return found
}

export function forgetFeaturedList(db: Database = getDb()) {
  remembered.delete(db)
}

export type FeaturedChange = {
  from: FeaturedList
  to: FeaturedList
  /** The films of both lists: their pages say which list is featured. */
  filmSlugs: string[]
}

/**
 * Features the curated list `slug`, recording who did it; `{ missing: 'list' }` when there is no
 * such list. Choosing the list already featured changes nothing and records nothing.
 */
export async function chooseFeaturedList(
  curator: Curator,
  slug: string,
  db: Database = getDb(),
): Promise<FeaturedChange | { missing: 'list' } | { unchanged: FeaturedList }> {
  return db.transaction(async (tx) => {
    const [chosen] = await tx
      .select({ id: curatedLists.id, slug: curatedLists.slug, title: curatedLists.title })
      .from(curatedLists)
      .where(eq(curatedLists.slug, slug))
    if (!chosen) return { missing: 'list' as const }
    const from = await featuredList(tx)
    const to = { slug: chosen.slug, title: chosen.title }
    if (from.slug === to.slug) return { unchanged: to }
    await tx
      .insert(siteSettings)
      .values({ id: 1, featuredListId: chosen.id })
      .onConflictDoUpdate({ target: siteSettings.id, set: { featuredListId: chosen.id } })
    const summary = `Featured list changed from “${from.title}” (${from.slug}) to “${to.title}” (${to.slug})`
    await recordCuratorChange(curator, { kind: 'featured', listSlug: to.slug, summary }, tx)
    const rows = await tx
      .selectDistinct({ slug: films.slug })
      .from(curatedEntries)
      .innerJoin(curatedLists, eq(curatedLists.id, curatedEntries.listId))
      .innerJoin(films, eq(films.id, curatedEntries.filmId))
      .where(inArray(curatedLists.slug, [from.slug, to.slug]))
    return { from, to, filmSlugs: rows.map((row) => row.slug) }
  })
}
