'use client'

import { useActionState } from 'react'
import { Field } from '@/components/form/field'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { chooseUsernameAction } from './actions'

export function UsernameForm({
  callbackUrl,
  suggestion,
}: {
  callbackUrl: string
  suggestion: string
}) {
  const [state, action] = useActionState(chooseUsernameAction, null)
  const errors = state && !state.ok ? state.fieldErrors : undefined
  const values = state && !state.ok ? state.values : undefined
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        id="welcome-username"
        name="username"
        label="Username"
        autoComplete="username"
        hint="3 to 30 characters: letters a–z, digits and _."
        maxLength={30}
        errors={errors?.username}
        defaultValue={values?.username ?? suggestion}
      />
      <SubmitButton pendingText="Saving…">Continue</SubmitButton>
    </form>
  )
}
