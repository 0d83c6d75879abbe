import { eq } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { curatedLists, films, filmSlugAliases, people } from './schema'

export type SlugKind = 'films' | 'people' | 'curated'

// Slugs once found stay known for the life of the process, so a page that exists costs no query;
// an unknown slug is looked up each time, so a film added later is found at once.
const known: Record<SlugKind, Set<string>> = {
  films: new Set(),
  people: new Set(),
  curated: new Set(),
}

/** Whether a film (including an old slug that redirects) or a person has this slug. */
export async function isKnownSlug(kind: SlugKind, slug: string, db: Database = getDb()) {
  if (known[kind].has(slug)) return true
  const found =
    kind === 'people'
      ? await db.select({ slug: people.slug }).from(people).where(eq(people.slug, slug)).limit(1)
      : kind === 'curated'
        ? await db
            .select({ slug: curatedLists.slug })
            .from(curatedLists)
            .where(eq(curatedLists.slug, slug))
            .limit(1)
        : [
            ...(await db
              .select({ slug: films.slug })
              .from(films)
              .where(eq(films.slug, slug))
              .limit(1)),
            ...(await db
              .select({ slug: filmSlugAliases.slug })
              .from(filmSlugAliases)
              .where(eq(filmSlugAliases.slug, slug))
              .limit(1)),
          ]
  if (found.length === 0) return false
  known[kind].add(slug)
  return true
}
