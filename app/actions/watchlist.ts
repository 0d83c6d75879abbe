'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { changeWatchlist, changeWatchlistVisibility, type WatchlistState } from '@/db/watchlist'
import { formFields, type ActionState } from '@/lib/action-state'
import { safeCallbackPath } from '@/lib/safe-callback'
import { requireViewer } from '@/lib/viewer'

/** The page the form was on, to come back to after signing in again. */
async function formPage() {
  const referer = (await headers()).get('referer')
  if (!referer || !URL.canParse(referer)) return '/watchlist'
  const { pathname, search } = new URL(referer)
  return safeCallbackPath(`${pathname}${search}`)
}

/** Adds a film to, or removes it from, the signed-in person's watchlist. */
export async function updateWatchlist(
  _previous: WatchlistState | null,
  formData: FormData,
): Promise<WatchlistState> {
  const viewer = await requireViewer(await formPage())
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
