'use server'

import { revalidatePath } from 'next/cache'
import { changeWatchlist, changeWatchlistVisibility, type WatchlistState } from '@/db/watchlist'
import { formFields, type ActionState } from '@/lib/action-state'
import { pageOfOrigin, requireViewer } from '@/lib/viewer'

/** Adds a film to, or removes it from, the signed-in person's watchlist. */
export async function updateWatchlist(
  _previous: WatchlistState | null,
  formData: FormData,
): Promise<WatchlistState> {
  const viewer = await requireViewer(await pageOfOrigin('/watchlist'))
  const result = await changeWatchlist(viewer, formFields(formData, ['filmId', 'change']))
  // Only /watchlist shows the watchlist; the cached film pages do not.
  if (result.ok) revalidatePath('/watchlist')
  return result
}

export async function updateWatchlistVisibility(
  _previous: ActionState | null,
  formData: FormData,
): Promise<ActionState & { watchlistPublic?: boolean }> {
  const viewer = await requireViewer('/settings')
  // Profiles are rendered per request, so nothing cached shows this setting.
  return changeWatchlistVisibility(viewer, formFields(formData, ['watchlistPublic']))
}
