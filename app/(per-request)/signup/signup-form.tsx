'use client'

import Link from 'next/link'
import { AccountForm } from '@/components/form/account-form'
import { Field } from '@/components/form/field'
import { UsernameField } from '@/components/form/username-field'
import { PASSWORD_MIN_LENGTH } from '@/lib/rules/account-limits'
import { signUp } from './actions'

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const signIn = (
    <p>
      Already have an account?{' '}
      <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
    </p>
  )
  return (
    <AccountForm
      action={signUp}
      callbackUrl={callbackUrl}
      submit="Create account"
      pendingText="Creating account…"
      footer={signIn}
    >
      {({ errors, values }) => (
        <>
          <UsernameField
            id="signup-username"
            errors={errors?.username}
            defaultValue={values?.username}
          />
          <Field
            id="signup-email"
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            errors={errors?.email}
            defaultValue={values?.email}
          />
          <Field
            id="signup-password"
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. Long passphrases are welcome.`}
            errors={errors?.password}
          />
        </>
      )}
    </AccountForm>
  )
}
