import 'server-only'
import { revalidatePath } from 'next/cache'
import type { ChangedList } from '@/db/list-scope'
import { listPath } from './rules/lists'

/**
 * Writes say here what data changed; this module alone knows which pages show it. Cached pages
 * (film pages, for everyone) must be refreshed; per-request pages are refreshed too so that the
 * browser's router cache does not keep showing the old state.
 */
export const invalidate = {
  /** Someone's rating of these films changed: each film page shows the summary and histogram. */
  filmRatings(films: readonly { slug: string }[]) {
    for (const film of films) revalidatePath(`/films/${film.slug}`)
  },

  /** A member's watchlist changed. */
  watchlist() {
    revalidatePath('/watchlist')
  },

  /** A list changed: its page, the owner's /lists and, where the list shows (or did), the profile. */
  list(list: ChangedList, { visibilityMayHaveChanged = false } = {}) {
    revalidatePath('/lists')
    if (!list.ownerUsername) return
    revalidatePath(listPath(list.ownerUsername, list.slug))
    if (list.public || visibilityMayHaveChanged) revalidatePath(`/u/${list.ownerUsername}`)
  },

  /** Lists were made in bulk (an import): the member's /lists. */
  lists() {
    revalidatePath('/lists')
  },

  /** A member's diary or watched films changed. */
  diary() {
    revalidatePath('/diary')
  },

  /** Reviews of these films changed: the film page shows the newest, /reviews all of them. */
  filmReviews(films: readonly { slug: string }[]) {
    for (const film of films) {
      revalidatePath(`/films/${film.slug}`)
      revalidatePath(`/films/${film.slug}/reviews`)
    }
  },
}
