'use server'

import { headers } from 'next/headers'
import { signIn } from '@/auth'
import { getDb } from '@/db/client'
import { checkSignUpAllowed, recordSignUp } from '@/db/sign-in-throttle'
import { createUserWithPassword, whichTaken } from '@/db/users'
import { publicAction } from '@/lib/action'
import { CHECK_FIELDS, failure } from '@/lib/action-result'
import { clientAddressOf } from '@/lib/client-address'
import { Busy } from '@/lib/hash-gate'
import {
  hashNewAccountPassword,
  newAccountsFull,
  RETRY_WHEN_BUSY_SECONDS,
} from '@/lib/password-work'
import { retryAfter } from '@/lib/server/response-hints'
import { noteSignUpRefused, watchSignUpHashing } from '@/lib/server/sign-up-flood'
import {
  accountMessages,
  formatRetryMessage,
  signUpSchema,
  TOO_MANY_SIGN_UPS,
} from '@/lib/rules/accounts'
import { safeCallbackPath } from '@/lib/safe-callback'
import { issueSignInTicket, SIGN_IN_TICKET } from '@/lib/sign-in-ticket'

const TAKEN = { username: accountMessages.usernameTaken, email: accountMessages.emailTaken }

// One new account's hash at a time, and a few waiting (lib/password-work.ts). While that queue is
// full, server.ts answers form posts itself (lib/server/sign-up-flood.ts).
watchSignUpHashing(() => (newAccountsFull() ? { retryAfterSeconds: RETRY_WHEN_BUSY_SECONDS } : null)) // prettier-ignore

const taken = (fields: ('username' | 'email')[]) =>
  failure(CHECK_FIELDS, Object.fromEntries(fields.map((field) => [field, [TAKEN[field]]])))

export const signUp = publicAction(signUpSchema, async (account, { formData }) => {
  const { username, email, password } = account
  // The cheap checks first: a refused sign-up costs no hashing.
  const clientAddress = clientAddressOf(await headers())
  const now = new Date()
  const allowed = await checkSignUpAllowed({ clientAddress, now }, getDb())
  if (!allowed.allowed) {
    noteSignUpRefused(clientAddress, allowed.retryAt)
    retryAfter((allowed.retryAt.getTime() - now.getTime()) / 1000)
    return failure(formatRetryMessage(allowed.retryAt, now, TOO_MANY_SIGN_UPS))
  }
  const takenBefore = await whichTaken({ username, email })
  if (takenBefore.length > 0) return taken(takenBefore)

  // Counted before hashing, so that sign-ups sent at once cannot all pass the check first.
  await recordSignUp({ email, clientAddress, now }, getDb())
  let passwordHash: string
  try {
    passwordHash = await hashNewAccountPassword(password)
  } catch (error) {
    if (error instanceof Busy) {
      retryAfter(error.retryAfterSeconds)
      return failure(accountMessages.busy(error.retryAfterSeconds))
    }
    throw error
  }
  const created = await createUserWithPassword({ username, email, passwordHash })
  if (!created.ok) return taken(created.taken)
  // Signs the new account in and redirects (by throwing, so nothing may follow it). A ticket, not
  // the password: checking the password just hashed would cost a second scrypt for nothing.
  await signIn(SIGN_IN_TICKET, {
    ticket: issueSignInTicket(created.id),
    redirectTo: safeCallbackPath(formData.get('callbackUrl')),
  })
  return { ok: true }
})
