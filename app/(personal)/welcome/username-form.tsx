'use client'

import { Field } from '@/components/form/field'
import { useFormAction } from '@/components/form/use-form-action'
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
  const { state, dispatch: action, errors, values } = useFormAction(chooseUsernameAction, null)
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
