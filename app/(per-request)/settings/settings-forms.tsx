'use client'

import { Field } from '@/components/form/field'
import { useFormAction } from '@/components/form/use-form-action'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { changePassword, deleteAccount } from './actions'
import { PASSWORD_MIN_LENGTH } from '@/lib/rules/account-limits'

export function ChangePasswordForm() {
  const { state, dispatch: action, errors } = useFormAction(changePassword, null)
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} />
      <Field
        id="current-password"
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={errors?.currentPassword}
      />
      <Field
        id="new-password"
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Changing it signs you out everywhere else.`}
        errors={errors?.newPassword}
      />
      <SubmitButton pendingText="Changing password…">Change password</SubmitButton>
    </form>
  )
}

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const { state, dispatch: action, errors } = useFormAction(deleteAccount, null)
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} />
      {hasPassword ? (
        <Field
          id="delete-password"
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          hint="Enter your password to confirm."
          errors={errors?.password}
        />
      ) : (
        <Field
          id="delete-username"
          name="username"
          label="Username"
          autoComplete="off"
          hint="Type your username to confirm."
          errors={errors?.username}
        />
      )}
      <SubmitButton pendingText="Deleting account…">Delete account</SubmitButton>
    </form>
  )
}
