'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { Field } from '@/components/form/field'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { signUp } from './actions'

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signUp, null)
  const errors = state && !state.ok ? state.fieldErrors : undefined
  const values = state && !state.ok ? state.values : undefined
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        id="signup-username"
        name="username"
        label="Username"
        autoComplete="username"
        hint="3 to 30 characters: letters a–z, digits and _."
        maxLength={30}
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
        hint="At least 8 characters. Long passphrases are welcome."
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
