'use client'

import { AccountForm } from '@/components/form/account-form'
import { Field } from '@/components/form/field'
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
          <Field
            id="signin-email"
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            errors={errors?.email}
            defaultValue={values?.email}
          />
          <Field
            id="signin-password"
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            errors={errors?.password}
          />
        </>
      )}
    </AccountForm>
  )
}
