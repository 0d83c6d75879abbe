'use client'

import { AccountForm } from '@/components/form/account-form'
import { EmailField, PasswordField } from '@/components/form/account-fields'
import { signInWithPassword } from './actions'

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  return (
    <AccountForm
      action={signInWithPassword}
      initial={notice ? { ok: false, message: notice } : null}
      callbackUrl={callbackUrl}
      submit="Sign in"
      pendingText="Signing in…"
    >
      {({ errors, values }) => (
        <>
          <EmailField id="signin-email" errors={errors?.email} defaultValue={values?.email} />
          <PasswordField
            id="signin-password"
            name="password"
            label="Password"
            autoComplete="current-password"
            errors={errors?.password}
          />
        </>
      )}
    </AccountForm>
  )
}
