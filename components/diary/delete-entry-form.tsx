'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { removeEntry } from '@/app/actions/diary'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'

/**
 * "Delete entry" asks first: the server answers with a question and a "Confirm delete" button,
 * so the step works the same without JavaScript.
 */
export function DeleteEntryForm({ entryId, cancelHref }: { entryId: number; cancelHref: string }) {
  const [state, dispatch] = useActionState(removeEntry, null)
  const confirming = state?.ok === true && state.confirm === true
  return (
    <form action={dispatch} className="delete-entry-form">
      <FormMessage state={state} />
      <input type="hidden" name="entryId" value={entryId} />
      {confirming ? (
        <>
          <input type="hidden" name="confirmed" value="yes" />
          <SubmitButton pendingText="Deleting…" className="button">
            Confirm delete
          </SubmitButton>{' '}
          <Link href={cancelHref}>Cancel</Link>
        </>
      ) : (
        <SubmitButton pendingText="Deleting…" className="button button-quiet">
          Delete entry
        </SubmitButton>
      )}
    </form>
  )
}
