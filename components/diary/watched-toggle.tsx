'use client'

import { useActionState, useOptimistic } from 'react'
import { updateWatched } from '@/app/actions/diary'
import { submitOptimistically } from '@/components/form/optimistic'
import { useRefreshAfter } from '@/components/personal/personal-state'
import './diary.css'

type Props = {
  filmId: number
  watched: boolean
  /** A film with diary entries stays watched: it offers no "Mark as not watched". */
  logged: boolean
}

/** Whether the viewer has seen the film, with "Mark as watched" (no date) or its undoing. */
export function WatchedToggle({ filmId, watched, logged }: Props) {
  const [state, dispatch, pending] = useActionState(updateWatched, null)
  useRefreshAfter(state)
  const [shown, setShown] = useOptimistic(state?.ok ? state.watched : watched)
  return (
    <form
      action={dispatch}
      onSubmit={submitOptimistically(dispatch, (formData) =>
        setShown(formData.get('change') === 'mark'),
      )}
      className="watched-toggle"
    >
      <input type="hidden" name="filmId" value={filmId} />
      <p className="watched-status">
        {shown ? <span className="watched-mark">✓ Watched</span> : 'Not watched yet'}
      </p>
      {!shown ? (
        <button type="submit" name="change" value="mark" className="button">
          Mark as watched
        </button>
      ) : (
        !logged && (
          <button type="submit" name="change" value="unmark" className="button button-quiet">
            Mark as not watched
          </button>
        )
      )}
      <span aria-live="polite" className={state?.ok === false ? 'form-error' : 'muted'}>
        {pending ? 'Saving…' : state?.message}
      </span>
    </form>
  )
}
