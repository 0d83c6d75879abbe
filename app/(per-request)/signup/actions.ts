'use server'

import { headers } from 'next/headers'
import { signIn } from '@/auth'
import { getDb } from '@/db/client'
import { checkSignUpAllowed, recordSignUp } from '@/db/sign-in-throttle'
import { createUserWithPassword, whichTaken } from '@/db/users'
import { publicAction } from '@/lib/action'
import { CHECK_FIELDS, failure } from '@/lib/action-result'
import { clientAddressOf } from '@/lib/client-address'
import { Busy, createGate } from '@/lib/hash-gate'
import { hashPassword } from '@/lib/password'
import { retryAfter } from '@/lib/server/response-hints'
import { noteSignUpRefused, watchSignUpHashing } from '@/lib/server/sign-up-flood'
import {
  accountMessages,
  formatRetryMessage,
  signUpSchema,
  TOO_MANY_SIGN_UPS,
} from '@/lib/rules/accounts'
import { safeCallbackPath } from '@/lib/safe-callback'

const TAKEN = { username: accountMessages.usernameTaken, email: accountMessages.emailTaken }

// One new account's hash at a time, and a few waiting: a flood of sign-ups leaves the other
// core (and the thread pool) to members signing in and browsing.
const RETRY_WHEN_BUSY_SECONDS = 5
const signUpHashing = createGate({ concurrency: 1, queue: 4, retryAfterSeconds: RETRY_WHEN_BUSY_SECONDS }) // prettier-ignore
// While it is full, server.ts answers form posts itself (lib/server/sign-up-flood.ts).
watchSignUpHashing(() => (signUpHashing.full ? { retryAfterSeconds: RETRY_WHEN_BUSY_SECONDS } : null)) // prettier-ignore

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
    passwordHash = await signUpHashing.run(() => hashPassword(password))
  } catch (error) {
    if (error instanceof Busy) {
      retryAfter(error.retryAfterSeconds)
      return failure(accountMessages.busy(error.retryAfterSeconds))
    }
    throw error
  }
  const created = await createUserWithPassword({ username, email, passwordHash })
  if (!created.ok) return taken(created.taken)
  // Signs the new account in and redirects (by throwing, so nothing may follow it).
  await signIn('credentials', {
    email,
    password,
    redirectTo: safeCallbackPath(formData.get('callbackUrl')),
  })
  return { ok: true }
})
