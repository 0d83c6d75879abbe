'use client'

import { logFilm } from '@/app/actions/diary'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { useFormAction } from '@/components/form/use-form-action'
import { useRefreshAfter } from '@/components/personal/personal-state'
import { EntryFields } from './entry-fields'
import './diary.css'

type Props = {
  film: { id: number; title: string; yearStart: number }
  /** Whether the viewer has logged the film before: "Rewatch" starts ticked. */
  loggedBefore: boolean
  today: string
}

/**
 * "Log a viewing": a new diary entry for this film, dated today unless the member says otherwise.
 * Folded behind its name (a <details>, no JavaScript needed) so the film page's panel stays short;
 * open once sent, so its answer and any errors show.
 */
export function LogViewingForm({ film, loggedBefore, today }: Props) {
  const { state, dispatch, errors, values } = useFormAction(logFilm)
  useRefreshAfter(state)
  // After a save React resets the form: the next viewing logged is a rewatch.
  const rewatch = values ? values.rewatch === 'on' : loggedBefore || state?.ok === true
  return (
    <details className="log-viewing" open={state ? true : undefined}>
      <summary>Log a viewing</summary>
      <form action={dispatch} className="account-form diary-form" aria-label="Log a viewing">
        <FormMessage state={state} />
        <input type="hidden" name="filmId" value={film.id} />
        <EntryFields
          idPrefix="log"
          yearStart={film.yearStart}
          today={today}
          errors={errors}
          defaults={{
            watchedOn: values?.watchedOn ?? today,
            score: values?.score ? Number(values.score) : null,
            review: values?.review ?? '',
            spoilers: values?.spoilers === 'on',
            rewatch,
            tags: values?.tags ?? '',
          }}
        />
        <SubmitButton pendingText="Saving…">Save to diary</SubmitButton>
      </form>
    </details>
  )
}
