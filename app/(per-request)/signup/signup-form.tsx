'use client'

import Link from 'next/link'
import { Field } from '@/components/form/field'
import { useFormAction } from '@/components/form/use-form-action'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { UsernameField } from '@/components/form/username-field'
import { PASSWORD_MIN_LENGTH } from '@/lib/rules/account-limits'
import { signUp } from './actions'

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, dispatch: action, errors, values } = useFormAction(signUp, null)
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
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
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
      <p>
        Already have an account?{' '}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </form>
  )
}
