'use server'

import { addToWatchlist, removeFromWatchlist, setWatchlistPublic } from '@/db/watchlist'
import { memberAction } from '@/lib/action'
import { failure } from '@/lib/action-result'
import { invalidate } from '@/lib/invalidate'
import { FILM_NOT_FOUND } from '@/lib/rules/common'
import {
  watchlistChangeSchema,
  watchlistMessages,
  watchlistVisibilitySchema,
} from '@/lib/rules/watchlist'

/** Adds a film to, or removes it from, the signed-in member's watchlist. */
export const updateWatchlist = memberAction<typeof watchlistChangeSchema, { onWatchlist: boolean }>(
  watchlistChangeSchema,
  async ({ filmId, change }, { viewer }) => {
    const add = change === 'add'
    const film = add
      ? await addToWatchlist(viewer, { filmId })
      : await removeFromWatchlist(viewer, filmId)
    if (!film) return failure(FILM_NOT_FOUND)
    await invalidate.watchlist()
    const message = add
      ? watchlistMessages.added(film.title)
      : watchlistMessages.removed(film.title)
    return { ok: true, onWatchlist: add, message }
  },
  { inMessage: ['filmId', 'change'], returnTo: '/watchlist' },
)

export const updateWatchlistVisibility = memberAction<
  typeof watchlistVisibilitySchema,
  { watchlistPublic: boolean }
>(
  watchlistVisibilitySchema,
  async ({ watchlistPublic }, { viewer }) => {
    await setWatchlistPublic(viewer, watchlistPublic)
    // Profiles are rendered per request, so nothing cached shows this setting.
    const message = watchlistPublic ? watchlistMessages.madePublic : watchlistMessages.madePrivate
    return { ok: true, watchlistPublic, message }
  },
  { inMessage: ['watchlistPublic'], returnTo: '/settings' },
)
