'use client'

import { AccountForm } from '@/components/form/account-form'
import { PasswordField } from '@/components/form/account-fields'
import { Field } from '@/components/form/field'
import { PASSWORD_MIN_LENGTH } from '@/lib/rules/account-limits'
import { changePassword, deleteAccount, signOutEverywhere } from './actions'

export function ChangePasswordForm() {
  return (
    <AccountForm action={changePassword} submit="Change password" pendingText="Changing password…">
      {({ errors }) => (
        <>
          <PasswordField
            id="current-password"
            name="currentPassword"
            label="Current password"
            autoComplete="current-password"
            errors={errors?.currentPassword}
          />
          <PasswordField
            id="new-password"
            name="newPassword"
            label="New password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. Changing it signs you out everywhere else.`}
            errors={errors?.newPassword}
          />
        </>
      )}
    </AccountForm>
  )
}

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  return (
    <AccountForm
      action={deleteAccount}
      submit="Delete account"
      pendingText="Deleting account…"
      tone="danger"
    >
      {({ errors }) =>
        hasPassword ? (
          <PasswordField
            id="delete-password"
            name="password"
            label="Password"
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
        )
      }
    </AccountForm>
  )
}

export function SignOutEverywhereForm() {
  return (
    <AccountForm
      action={signOutEverywhere}
      submit="Sign out everywhere"
      pendingText="Signing out everywhere…"
    >
      {() => null}
    </AccountForm>
  )
}
