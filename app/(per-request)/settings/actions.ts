'use server'

import { signIn, signOut } from '@/auth'
import { requireViewer } from '@/lib/viewer'
import { checkSignInAllowed, formatRetryMessage, recordSignInAttempt } from '@/db/sign-in-throttle'
import {
  deleteUser,
  findCredentialsById,
  replacePassword,
  usernameOf,
  type Viewer,
} from '@/db/users'
import { changePasswordSchema, deleteAccountSchema, fieldErrors } from '@/lib/account-rules'
import { CHECK_FIELDS, formFields, type ActionState } from '@/lib/action-state'
import { getDb } from '@/db/client'
import { clientAddressOf } from '@/lib/client-address'
import { hashPassword, verifyPassword } from '@/lib/password'
import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'

/**
 * Checks the person's current password, throttled like sign-in so that an unattended session
 * cannot be used to guess it.
 */
async function confirmPassword(viewer: Viewer, password: string) {
  const account = await findCredentialsById(viewer)
  if (!account?.passwordHash || !account.email) return { ok: false as const, message: null }
  const now = new Date()
  const attempt = { email: account.email, clientAddress: clientAddressOf(await headers()) }
  const check = await checkSignInAllowed(getDb(), { ...attempt, now })
  if (!check.allowed) return { ok: false as const, message: formatRetryMessage(check.retryAt, now) }
  const correct = await verifyPassword(password, account.passwordHash)
  await recordSignInAttempt(getDb(), { ...attempt, succeeded: correct, now })
  return correct
    ? { ok: true as const, email: account.email }
    : { ok: false as const, message: null }
}

export async function changePassword(
  _previous: ActionState | null,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireViewer('/settings')
  const parsed = changePasswordSchema.safeParse(
    formFields(formData, ['currentPassword', 'newPassword']),
  )
  if (!parsed.success) {
    return { ok: false, message: CHECK_FIELDS, fieldErrors: fieldErrors(parsed.error) }
  }
  const confirmed = await confirmPassword(viewer, parsed.data.currentPassword)
  if (!confirmed.ok) {
    return {
      ok: false,
      message: confirmed.message ?? CHECK_FIELDS,
      fieldErrors: { currentPassword: ['Your current password is not correct.'] },
    }
  }
  await replacePassword(viewer, await hashPassword(parsed.data.newPassword))
  // Every other session is now void; this one gets a fresh session (and a redirect, by throwing).
  await signIn('credentials', {
    email: confirmed.email,
    password: parsed.data.newPassword,
    redirectTo: '/settings?changed=password',
  })
  return { ok: true }
}

export async function deleteAccount(
  _previous: ActionState | null,
  formData: FormData,
): Promise<ActionState> {
  const viewer = await requireViewer('/settings')
  const account = await findCredentialsById(viewer)
  if (account?.passwordHash) {
    const parsed = deleteAccountSchema.safeParse(formFields(formData, ['password']))
    if (!parsed.success) {
      return { ok: false, message: CHECK_FIELDS, fieldErrors: fieldErrors(parsed.error) }
    }
    const confirmed = await confirmPassword(viewer, parsed.data.password)
    if (!confirmed.ok) {
      return {
        ok: false,
        message: confirmed.message ?? CHECK_FIELDS,
        fieldErrors: { password: ['Your password is not correct.'] },
      }
    }
  } else {
    // An account that signs in through a provider confirms with its username instead.
    const username = await usernameOf(viewer)
    if (!username || formData.get('username') !== username) {
      return {
        ok: false,
        message: CHECK_FIELDS,
        fieldErrors: { username: ['Type your username exactly to confirm.'] },
      }
    }
  }
  const ratedFilms = await deleteUser(viewer)
  // The cached film pages show everyone's ratings, which no longer include these.
  for (const slug of ratedFilms) revalidatePath(`/films/${slug}`)
  await signOut({ redirectTo: '/account-deleted' })
  return { ok: true }
}
