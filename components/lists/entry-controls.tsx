'use client'

import { useActionState } from 'react'
import { moveEntryAction, removeFromListAction } from '@/app/actions/lists'
import { useHydrated } from './use-hydrated'

type Props = {
  listId: number
  filmId: number
  first: boolean
  last: boolean
  /** With JavaScript: shows the change at once, then sends it. */
  onChange: (formData: FormData) => Promise<void>
}

/**
 * Move up, Move down and Remove for one entry: plain form posts until JavaScript takes over, then
 * optimistic. The buttons stay enabled while a change is sent, so focus stays on them.
 */
export function EntryControls({ listId, filmId, first, last, onChange }: Props) {
  const [moved, move] = useActionState(moveEntryAction, null)
  const [removed, remove] = useActionState(removeFromListAction, null)
  const hydrated = useHydrated()
  const describedBy = `entry-${filmId}-title`
  const problem = [moved, removed].find((state) => state && !state.ok)
  const ids = (
    <>
      <input type="hidden" name="listId" value={listId} />
      <input type="hidden" name="filmId" value={filmId} />
    </>
  )
  return (
    <div className="entry-controls">
      <form action={hydrated ? onChange : move}>
        {ids}
        <button
          type="submit"
          className="button button-quiet"
          name="direction"
          value="up"
          disabled={first}
          aria-describedby={describedBy}
        >
          Move up
        </button>
        <button
          type="submit"
          className="button button-quiet"
          name="direction"
          value="down"
          disabled={last}
          aria-describedby={describedBy}
        >
          Move down
        </button>
      </form>
      <form action={hydrated ? onChange : remove}>
        {ids}
        <button type="submit" className="button button-quiet" aria-describedby={describedBy}>
          Remove
        </button>
      </form>
      {problem && !problem.ok && (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      )}
    </div>
  )
}
