'use client'

import { useActionState } from 'react'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { updateWatchlistVisibility } from '@/app/actions/watchlist'
import '@/components/watchlist/watchlist.css'

/** "Make my watchlist public": off unless the person ticks it. */
export function WatchlistVisibilityForm({ watchlistPublic }: { watchlistPublic: boolean }) {
  const [state, action] = useActionState(updateWatchlistVisibility, null)
  // React resets the form after it is sent, so the box's default must be the saved answer.
  const saved = state?.ok ? (state.watchlistPublic ?? watchlistPublic) : watchlistPublic
  return (
    <form action={action} className="account-form">
      <FormMessage state={state} />
      <div className="watchlist-public-field">
        <input
          id="watchlist-public"
          type="checkbox"
          name="watchlistPublic"
          defaultChecked={saved}
          aria-describedby="watchlist-public-hint"
        />
        <label htmlFor="watchlist-public">Make my watchlist public</label>
        <p id="watchlist-public-hint" className="hint">
          Anyone can then see the films on your watchlist on your profile page.
        </p>
      </div>
      <SubmitButton pendingText="Saving…">Save watchlist setting</SubmitButton>
    </form>
  )
}
