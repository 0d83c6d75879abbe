'use client'

import { useActionState } from 'react'
import { saveNoteAction } from '@/app/actions/lists'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { ENTRY_NOTE_MAX } from '@/lib/rules/list-limits'
import { TextAreaField } from './text-area-field'

type Props = { listId: number; film: { id: number; title: string }; note: string }

export function EntryNoteForm({ listId, film, note }: Props) {
  const [state, action] = useActionState(saveNoteAction, null)
  const failed = state && !state.ok ? state : undefined
  return (
    <form action={action} className="entry-note-form" noValidate>
      <input type="hidden" name="listId" value={listId} />
      <input type="hidden" name="filmId" value={film.id} />
      <TextAreaField
        id={`note-${film.id}`}
        name="note"
        label={
          <>
            Note<span className="visually-hidden"> on {film.title}</span>
          </>
        }
        hint={`Up to ${ENTRY_NOTE_MAX} characters.`}
        maxLength={ENTRY_NOTE_MAX}
        rows={3}
        errors={failed?.fieldErrors?.note}
        defaultValue={failed?.values?.note ?? note}
      />
      <SubmitButton
        className="button button-quiet"
        pendingText="Saving note…"
        describedBy={`entry-${film.id}-title`}
      >
        Save note
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  )
}
