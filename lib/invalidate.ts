import 'server-only'
import { revalidatePath } from 'next/cache'
import { getDb, type Database } from '@/db/client'
import { featuredList, type FeaturedChange } from '@/db/featured-choice'
import type { ChangedList } from '@/db/list-scope'
import { recordPageChanges } from '@/db/page-changes'
import { usernameOf, type Viewer } from '@/db/users'
import { matchPage } from './route-match'
import { FEATURED_SLOT } from './routes'
import { listPath } from './rules/lists'

/**
 * Writes say here what data changed; this module alone knows which pages show it. Cached pages
 * (film pages, for everyone) must be refreshed; per-request pages are refreshed too so that the
 * browser's router cache does not keep showing the old state. Pages cached for everyone are also
 * noted in the change log (db/page-changes.ts), which every server polls and applies to its own
 * caches (lib/server/page-change-feed.ts): each process has its own.
 */
function invalidations(changed: (paths: string[]) => Promise<void>, db: () => Database) {
  return {
    /** Someone's rating of these films changed: each film page shows the summary and histogram. */
    filmRatings(films: readonly { slug: string }[]) {
      return changed(films.map((film) => `/films/${film.slug}`))
    },

    /** A member's watchlist changed. */
    watchlist() {
      return changed(['/watchlist'])
    },

    /** A list changed: its page, the owner's /lists and, where the list shows (or did), the profile. */
    list(list: ChangedList, { visibilityMayHaveChanged = false } = {}) {
      if (!list.ownerUsername) return changed(['/lists'])
      const profile = list.public || visibilityMayHaveChanged ? [`/u/${list.ownerUsername}`] : []
      const page = listPath(list.ownerUsername, list.slug)
      return changed(['/lists', page, `${page}/edit`, ...profile])
    },

    /** A curated list changed (an import, a judgement): its page, the home page for the featured
     list, and the pages of its films that it changed. */
    async curatedList(list: { slug: string }, films: readonly { slug: string }[]) {
      const home = list.slug === (await featuredList(db())).slug ? HOME_PATHS : []
      const filmPaths = [...new Set(films.map((film) => `/films/${film.slug}`))]
      return changed([...home, `/curated/${list.slug}`, ...filmPaths])
    },

    /** Another list is featured: the home page, both lists' pages and their films' pages. */
    featuredList({ from, to, filmSlugs }: FeaturedChange) {
      const lists = [`/curated/${from.slug}`, `/curated/${to.slug}`]
      return changed([...HOME_PATHS, ...lists, ...filmSlugs.map((slug) => `/films/${slug}`)])
    },

    /** Lists were made in bulk (an import): the member's /lists. */
    lists() {
      return changed(['/lists'])
    },

    /**
     * A film marked watched or not, without a date: no diary page lists it, so only the member's
     * own /diary is refreshed (their browser's copy), and no page everyone shares.
     */
    watched() {
      return changed(['/diary'])
    },

    /**
     * A member's diary or its visibility changed, or the member is gone (give their username
     * then): /diary, and the diary others see at /u/<username>/diary.
     */
    async diary(member: Viewer | { username: string | null }) {
      const username = 'username' in member ? member.username : await usernameOf(member, db())
      return changed(['/diary', ...(username ? [`/u/${username}/diary`] : [])])
    },

    /** Reviews of these films changed: the film page shows the newest, /reviews all of them. */
    filmReviews(films: readonly { slug: string }[]) {
      return changed(
        films.flatMap((film) => [`/films/${film.slug}`, `/films/${film.slug}/reviews`]),
      )
    },
  }
}

// The home page's URL, and where Next renders it (lib/routes.ts).
const HOME_PATHS = ['/', `/curated/${FEATURED_SLOT}`]

/** For server actions: refreshes this server's pages at once and tells the others. */
export const invalidate = invalidations(async (paths) => {
  for (const path of paths) revalidatePath(path)
  try {
    await recordPageChanges(paths.filter(sharedByEveryone))
  } catch (error) {
    // The write itself is done: say so, rather than fail it because others will see it late.
    console.error(`Could not note changed pages ${paths.join(', ')}: ${(error as Error).message}`)
  }
}, getDb)

/** For a process outside Next's server (the importer): the running servers apply the change. */
export const invalidateFromScript = (db: Database) =>
  invalidations(
    (paths) => recordPageChanges(paths.filter(sharedByEveryone), db),
    () => db,
  )

const sharedByEveryone = (path: string) => matchPage(path)?.served === 'cached-for-everyone'
