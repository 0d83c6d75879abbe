'use server'

import { headers } from 'next/headers'
import { z } from 'zod'
import { signIn, signOut } from '@/auth'
import { endEverySession } from '@/db/member-sessions'
import {
  deleteUser,
  findCredentialsById,
  replacePassword,
  usernameOf,
  type Viewer,
} from '@/db/users'
import { reviewedFilmSlugs } from '@/db/reviews'
import { memberAction } from '@/lib/action'
import { CHECK_FIELDS, failure } from '@/lib/action-result'
import { clientAddressOf } from '@/lib/client-address'
import { invalidate } from '@/lib/invalidate'
import { Busy } from '@/lib/hash-gate'
import { hashChangedPassword, RETRY_WHEN_BUSY_SECONDS } from '@/lib/password-work'
import {
  accountMessages,
  changePasswordSchema,
  deleteAccountSchema,
  enteredPassword,
  formatRetryMessage,
  messages,
} from '@/lib/rules/accounts'
import { confirmMemberPassword } from '@/lib/sign-in'
import { issueSignInTicket, SIGN_IN_TICKET } from '@/lib/sign-in-ticket'
import { retryAfter } from '@/lib/server/response-hints'

/**
 * Checks the member's current password, with its own small limit (lib/sign-in.ts): an unattended
 * session cannot be used to guess it. `field` is where a wrong password is reported.
 */
async function confirmPassword(viewer: Viewer, password: string, field: string, wrong: string) {
  const outcome = await confirmMemberPassword({
    viewer,
    password,
    clientAddress: clientAddressOf(await headers()),
  }).catch((error: unknown) => {
    if (!(error instanceof Busy)) throw error
    retryAfter(error.retryAfterSeconds)
    return { ok: false as const, busy: error.retryAfterSeconds }
  })
  if (outcome.ok) return outcome
  if ('busy' in outcome) return failure(accountMessages.busyCheckingPasswords(outcome.busy))
  const message =
    outcome.reason === 'throttled' ? formatRetryMessage(outcome.retryAt, new Date()) : CHECK_FIELDS
  return failure(message, { [field]: [wrong] })
}

export const changePassword = memberAction(
  changePasswordSchema,
  async ({ currentPassword, newPassword }, { viewer }) => {
    const confirmed = await confirmPassword(
      viewer,
      currentPassword,
      'currentPassword',
      accountMessages.currentPasswordWrong,
    )
    if (!confirmed.ok) return confirmed
    const passwordHash = await hashChangedPassword(newPassword).catch((error: unknown) => {
      if (!(error instanceof Busy)) throw error
      retryAfter(error.retryAfterSeconds)
      return null
    })
    if (passwordHash === null) {
      return failure(accountMessages.busyCheckingPasswords(RETRY_WHEN_BUSY_SECONDS))
    }
    await replacePassword(viewer, passwordHash)
    // Every other session is now void; this one gets a fresh session (and a redirect, by throwing),
    // by a ticket rather than a second scrypt over the password just hashed.
    await signIn(SIGN_IN_TICKET, {
      ticket: issueSignInTicket(viewer.id),
      redirectTo: '/settings?changed=password',
    })
    return { ok: true }
  },
  { returnTo: '/settings' },
)

export const deleteAccount = memberAction(
  deleteAccountSchema,
  async ({ password, username }, { viewer }) => {
    const account = await findCredentialsById(viewer)
    if (account?.passwordHash) {
      const entered = enteredPassword(messages.passwordMissing).safeParse(password)
      if (!entered.success) {
        return failure(CHECK_FIELDS, { password: entered.error.issues.map((i) => i.message) })
      }
      const confirmed = await confirmPassword(
        viewer,
        entered.data,
        'password',
        accountMessages.passwordWrong,
      )
      if (!confirmed.ok) return confirmed
    } else if (!username || username !== (await usernameOf(viewer))) {
      // An account that signs in through a provider confirms with its username instead.
      return failure(CHECK_FIELDS, { username: [accountMessages.typeUsername] })
    }
    const reviewedFilms = await reviewedFilmSlugs(viewer)
    const gone = { username: await usernameOf(viewer) }
    const ratedFilms = await deleteUser(viewer)
    await invalidate.filmRatings(ratedFilms.map((slug) => ({ slug })))
    await invalidate.filmReviews(reviewedFilms)
    // The name may be taken again: the diary cached under it must not be shown for the new owner.
    await invalidate.diary(gone)
    await signOut({ redirectTo: '/account-deleted' })
    return { ok: true }
  },
  { returnTo: '/settings' },
)

/** Ends every session of the member, on every device, this one included. */
export const signOutEverywhere = memberAction(
  z.object({}),
  async (_input, { viewer }) => {
    await endEverySession(viewer.id)
    await signOut({ redirectTo: '/signin?signedOut=everywhere' })
    return { ok: true }
  },
  { returnTo: '/settings' },
)
