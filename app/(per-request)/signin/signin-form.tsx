'use client'

import { Field } from '@/components/form/field'
import { useFormAction } from '@/components/form/use-form-action'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { signInWithPassword } from './actions'

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const {
    state,
    dispatch: action,
    errors,
    values,
  } = useFormAction(signInWithPassword, notice ? { ok: false as const, message: notice } : null)
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
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
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  )
}
