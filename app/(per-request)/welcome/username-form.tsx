'use client'

import { useFormAction } from '@/components/form/use-form-action'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { UsernameField } from '@/components/form/username-field'
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
      <UsernameField
        id="welcome-username"
        errors={errors?.username}
        defaultValue={values?.username ?? suggestion}
      />
      <SubmitButton pendingText="Saving…">Continue</SubmitButton>
    </form>
  )
}
