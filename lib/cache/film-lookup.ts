import 'server-only'
import { unstable_cache } from 'next/cache'
import { findFilmBySlug, type FilmLookup } from '@/db/films'
import { pageTag } from './page-tags'

/**
 * A film's details as its page shows them (six queries), kept in Next's data cache under the
 * film page's own tag: whatever refreshes the page — `revalidatePath` in lib/invalidate.ts here,
 * the change feed in other processes, Redis when shared — refreshes this with it. The signed-in
 * twin, rendered on every request, then reads the film as the shared page does. Nothing personal
 * is in it. (Dates would not survive the cache's JSON: a film's details have none.)
 */
export function cachedFilmLookup(slug: string): Promise<FilmLookup> {
  return unstable_cache(() => findFilmBySlug(slug), ['film-by-slug', slug], {
    tags: [pageTag(`/films/${slug}`)],
    revalidate: 3600,
  })()
}
