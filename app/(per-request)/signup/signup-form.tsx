'use client'

import Link from 'next/link'
import { AccountForm } from '@/components/form/account-form'
import { EmailField, PasswordField } from '@/components/form/account-fields'
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
          <EmailField id="signup-email" errors={errors?.email} defaultValue={values?.email} />
          <PasswordField
            id="signup-password"
            name="password"
            label="Password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. Long passphrases are welcome.`}
            errors={errors?.password}
          />
        </>
      )}
    </AccountForm>
  )
}
