'use client'

import { submitOptimistically } from '@/components/form/optimistic'

type Send = (formData: FormData) => void

type Props = {
  listId: number
  filmId: number
  first: boolean
  last: boolean
  move: Send
  remove: Send
  /** Shows the change on the list before the server has answered. */
  predict: Send
}

/**
 * Move up, Move down and Remove for one entry: plain form posts without JavaScript, optimistic
 * with it. The buttons stay enabled while a change is sent, so focus stays on them.
 */
export function EntryControls({ listId, filmId, first, last, move, remove, predict }: Props) {
  const describedBy = `entry-${filmId}-title`
  const ids = (
    <>
      <input type="hidden" name="listId" value={listId} />
      <input type="hidden" name="filmId" value={filmId} />
    </>
  )
  return (
    <div className="entry-controls">
      <form action={move} onSubmit={submitOptimistically(move, predict)}>
        {ids}
        {(['up', 'down'] as const).map((direction) => (
          <button
            key={direction}
            type="submit"
            className="button button-quiet"
            name="direction"
            value={direction}
            disabled={direction === 'up' ? first : last}
            aria-describedby={describedBy}
          >
            {direction === 'up' ? 'Move up' : 'Move down'}
          </button>
        ))}
      </form>
      <form action={remove} onSubmit={submitOptimistically(remove, predict)}>
        {ids}
        <button type="submit" className="button button-danger" aria-describedby={describedBy}>
          Remove
        </button>
      </form>
    </div>
  )
}
