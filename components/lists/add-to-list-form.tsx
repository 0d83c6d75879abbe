'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { addToListAction } from '@/app/actions/lists'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { useRefreshAfter } from '@/components/personal/personal-state'

type Props = { filmId: number; lists: { id: number; title: string; hasFilm: boolean }[] }

/**
 * Offers only the lists that do not hold the film yet; the ones that do are named below. When
 * every list holds it, there is nothing to choose and no Add button.
 */
export function AddToListForm({ filmId, lists }: Props) {
  const [state, action] = useActionState(addToListAction, null)
  useRefreshAfter(state)
  const holding = lists.filter((list) => list.hasFilm)
  const open = lists.filter((list) => !list.hasFilm)
  return (
    <form action={action} className="add-to-list">
      <input type="hidden" name="filmId" value={filmId} />
      {open.length > 0 && (
        <>
          <div className="field">
            <label htmlFor="add-to-list">Add to list</label>
            <select id="add-to-list" name="listId" defaultValue={open[0]!.id}>
              {open.map((list) => (
                <option key={list.id} value={list.id}>
                  {list.title}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton pendingText="Adding…">Add</SubmitButton>
        </>
      )}
      <FormMessage state={state} />
      {holding.length > 0 && (
        <p className="muted add-to-list-holding">
          On {holding.length === 1 ? 'your list' : 'your lists'}{' '}
          {holding.map((list, i) => (
            <span key={list.id}>
              {i > 0 && ', '}“{list.title}”
            </span>
          ))}
          . <Link href="/lists">Your lists</Link>
        </p>
      )}
    </form>
  )
}
