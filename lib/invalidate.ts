import 'server-only'
import { revalidatePath } from 'next/cache'
import type { ChangedList } from '@/db/list-scope'
import { FEATURED_LIST } from '@/db/featured-list'
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

  /** A curated list changed (an import, a judgement): its page, the home page, its films' pages. */
  curatedList({ list, changedFilms }: { list: string; changedFilms: readonly string[] }) {
    revalidatePath(`/curated/${list}`)
    if (list === FEATURED_LIST.slug) revalidatePath('/')
    for (const slug of changedFilms) revalidatePath(`/films/${slug}`)
  },
}
