'use client'

import { useActionState } from 'react'
import { deleteListAction } from '@/app/actions/lists'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { plural } from '@/lib/format'

type Props = { list: { id: number; title: string }; filmCount: number }

/** Deleting needs a ticked box, so it cannot happen by one stray click, with or without JavaScript. */
export function DeleteListForm({ list, filmCount }: Props) {
  const [state, action] = useActionState(deleteListAction, null)
  const error = state && !state.ok ? (state.fieldErrors?.confirm?.[0] ?? null) : null
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} />
      <div className="list-confirm">
        <input
          type="checkbox"
          id="delete-list-confirm"
          name="confirm"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'delete-list-confirm-error' : undefined}
        />
        <label htmlFor="delete-list-confirm">
          Yes, delete “{list.title}” and its {plural(filmCount, 'film')}. This cannot be undone.
        </label>
      </div>
      {error && (
        <p id="delete-list-confirm-error" className="field-error">
          {error}
        </p>
      )}
      <input type="hidden" name="listId" value={list.id} />
      <SubmitButton pendingText="Deleting list…" className="button button-danger">
        Delete list
      </SubmitButton>
    </form>
  )
}
