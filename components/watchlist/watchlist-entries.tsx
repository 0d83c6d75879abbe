'use client'

import Link from 'next/link'
import {
  createContext,
  use,
  useActionState,
  useEffect,
  useId,
  useOptimistic,
  useRef,
  type ReactNode,
} from 'react'
import { updateWatchlist } from '@/app/actions/watchlist'
import { plural } from '@/lib/format'
import { submitOptimistically } from '@/components/form/optimistic'
import './watchlist.css'

export type WatchlistEntry = { filmId: number; card: ReactNode }

type Removal = { dispatch: (formData: FormData) => void; hide: (filmId: number) => void }
const RemovalContext = createContext<Removal | null>(null)

/**
 * The watchlist's films with their count. A removed film leaves the list at once; focus then
 * moves to the count, since the button that had it is gone.
 */
export function WatchlistEntries({ entries }: { entries: WatchlistEntry[] }) {
  const [state, dispatch] = useActionState(updateWatchlist, null)
  const [shown, hide] = useOptimistic(entries, (list, filmId: number) =>
    list.filter((entry) => entry.filmId !== filmId),
  )
  const countRef = useRef<HTMLParagraphElement>(null)
  const removedRef = useRef(false)
  useEffect(() => {
    if (!removedRef.current) return
    removedRef.current = false
    countRef.current?.focus()
  }, [shown])
  const removal: Removal = {
    dispatch,
    hide: (filmId) => {
      removedRef.current = true
      hide(filmId)
    },
  }
  return (
    <RemovalContext value={removal}>
      <p ref={countRef} tabIndex={-1} className="results-count">
        {plural(shown.length, 'film')}
      </p>
      <p aria-live="polite" className={state?.ok === false ? 'form-error' : 'watchlist-note'}>
        {state?.message}
      </p>
      {shown.length === 0 ? (
        <div className="empty-state">
          <h2>Your watchlist is empty</h2>
          <p>
            Films you add from the <Link href="/films">catalogue</Link> or a film’s page appear
            here, newest first.
          </p>
        </div>
      ) : (
        <ul className="film-grid" aria-label="Films on your watchlist">
          {shown.map((entry) => (
            <li key={entry.filmId}>{entry.card}</li>
          ))}
        </ul>
      )}
    </RemovalContext>
  )
}

/** A card's "Remove from watchlist" button; a plain form post without JavaScript. */
export function RemoveFromWatchlist({ filmId, filmTitle }: { filmId: number; filmTitle: string }) {
  const removal = use(RemovalContext)
  const titleId = useId()
  if (!removal) throw new Error('RemoveFromWatchlist belongs inside WatchlistEntries')
  const { dispatch, hide } = removal
  return (
    <form
      action={dispatch}
      onSubmit={submitOptimistically(dispatch, () => hide(filmId))}
      className="watchlist-toggle"
    >
      <input type="hidden" name="filmId" value={filmId} />
      <button
        type="submit"
        name="change"
        value="remove"
        className="button button-quiet"
        aria-describedby={titleId}
      >
        Remove from watchlist
      </button>
      <span id={titleId} hidden>
        {filmTitle}
      </span>
    </form>
  )
}
