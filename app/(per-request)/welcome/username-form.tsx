'use client'

import { AccountForm } from '@/components/form/account-form'
import { UsernameField } from '@/components/form/username-field'
import { chooseUsernameAction } from './actions'

type Props = { callbackUrl: string; suggestion: string }

export function UsernameForm({ callbackUrl, suggestion }: Props) {
  return (
    <AccountForm
      action={chooseUsernameAction}
      callbackUrl={callbackUrl}
      submit="Continue"
      pendingText="Saving…"
    >
      {({ errors, values }) => (
        <UsernameField
          id="welcome-username"
          errors={errors?.username}
          defaultValue={values?.username ?? suggestion}
        />
      )}
    </AccountForm>
  )
}
