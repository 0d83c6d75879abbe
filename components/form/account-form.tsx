'use client'

import type { ReactNode } from 'react'
import type { ActionResult, FormAction } from '@/lib/action-result'
import { FormMessage } from './form-message'
import { SubmitButton } from './submit-button'
import { useFormAction } from './use-form-action'

type Fields = { errors?: Record<string, string[]>; values?: Record<string, string> }

type Props = {
  action: FormAction
  /** A message to show before the first submission, e.g. why the person was sent to sign in. */
  initial?: ActionResult | null
  /** Where to go once it has worked, for the forms that sign someone in. */
  callbackUrl?: string
  submit: string
  pendingText: string
  /** "danger" for a submit that deletes. */
  tone?: 'danger'
  /** The fields, given the errors and typed values of the last failed submission. */
  children: (last: Fields) => ReactNode
  footer?: ReactNode
}

/** The shape every account form shares: message, fields, one submit button; no-JS first. */
export function AccountForm({
  action,
  initial = null,
  callbackUrl,
  submit,
  pendingText,
  tone,
  children,
  footer,
}: Props) {
  const { state, dispatch, errors, values } = useFormAction(action, initial)
  return (
    <form action={dispatch} className="account-form" noValidate>
      <FormMessage state={state} />
      {callbackUrl !== undefined && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      {children({ errors, values })}
      <SubmitButton
        pendingText={pendingText}
        className={tone === 'danger' ? 'button button-danger' : 'button'}
      >
        {submit}
      </SubmitButton>
      {footer}
    </form>
  )
}
