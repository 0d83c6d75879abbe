'use client'

import { editEntry } from '@/app/actions/diary'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { useFormAction } from '@/components/form/use-form-action'
import type { EntryDefaults } from './entry-fields'
import { EntryFields } from './entry-fields'
import './diary.css'

type Props = {
  entryId: number
  yearStart: number
  today: string
  saved: EntryDefaults
}

/** Changes one diary entry; what was saved stays in the fields after saving. */
export function EditEntryForm({ entryId, yearStart, today, saved }: Props) {
  const { state, dispatch, errors, values } = useFormAction(editEntry)
  const defaults = values
    ? {
        watchedOn: values.watchedOn ?? saved.watchedOn,
        score: values.score ? Number(values.score) : null,
        review: values.review ?? '',
        spoilers: values.spoilers === 'on',
        rewatch: values.rewatch === 'on',
        tags: values.tags ?? '',
      }
    : saved
  return (
    <form action={dispatch} className="account-form diary-form">
      <FormMessage state={state} />
      <input type="hidden" name="entryId" value={entryId} />
      <EntryFields
        idPrefix="edit"
        yearStart={yearStart}
        today={today}
        errors={errors}
        defaults={defaults}
      />
      <SubmitButton pendingText="Saving…">Save entry</SubmitButton>
    </form>
  )
}
