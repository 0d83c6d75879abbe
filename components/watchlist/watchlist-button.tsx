'use client'

import { useActionState, useId, useOptimistic } from 'react'
import { updateWatchlist } from '@/app/actions/watchlist'
import { submitOptimistically } from '@/components/form/optimistic'

type Props = { filmId: number; filmTitle: string; onWatchlist: boolean }

/**
 * One form whose button is renamed between "Add to watchlist" and "Remove from watchlist", so
 * focus stays on it. The button says which change it asks for, so a second click while the
 * first is on its way asks for the opposite instead of flipping twice on the server.
 */
export function WatchlistButton({ filmId, filmTitle, onWatchlist }: Props) {
  const [state, dispatch, pending] = useActionState(updateWatchlist, null)
  const [shown, setShown] = useOptimistic(state?.ok ? state.onWatchlist : onWatchlist)
  const titleId = useId()
  return (
    <form
      action={dispatch}
      onSubmit={submitOptimistically(dispatch, (formData) =>
        setShown(formData.get('change') === 'add'),
      )}
      className="watchlist-toggle"
      data-pending={pending || undefined}
    >
      <input type="hidden" name="filmId" value={filmId} />
      <button
        type="submit"
        name="change"
        value={shown ? 'remove' : 'add'}
        className={shown ? 'button button-quiet' : 'button'}
        aria-describedby={titleId}
      >
        {shown ? 'Remove from watchlist' : 'Add to watchlist'}
      </button>
      <span id={titleId} hidden>
        {filmTitle}
      </span>
      <span aria-live="polite" className={state?.ok === false ? 'form-error' : 'watchlist-note'}>
        {pending ? 'Saving…' : state?.message}
      </span>
    </form>
  )
}
