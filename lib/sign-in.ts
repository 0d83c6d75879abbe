import { setTimeout as sleep } from 'node:timers/promises'
import { getDb, type Database } from '@/db/client'
import {
  checkConfirmAllowed,
  checkSignInAllowed,
  recordConfirmAttempt,
  recordSignInAttempt,
} from '@/db/sign-in-throttle'
import { findCredentialsByEmail, findCredentialsById, type Viewer } from '@/db/users'
import { checkAgainstDummy, checkPassword } from './password-work'

export type SignInOutcome =
  | { ok: true; user: { id: string; username: string | null; sessionVersion: number } }
  | { ok: false; reason: 'incorrect' }
  | { ok: false; reason: 'throttled'; retryAt: Date }

type Options = {
  db?: Database
  now?: Date
  /** How a throttled try waits (db/sign-in-throttle.ts `delayFor`); tests pass their own. */
  wait?: (ms: number) => Promise<unknown>
}

/**
 * Checks an email and password, throttled per account and address, per address, and slowed per
 * account (db/sign-in-throttle.ts). A missing account costs the same hashing time as a wrong
 * password, and both give the same answer.
 */
export async function signInWithPassword(
  { email, password, clientAddress }: { email: string; password: string; clientAddress: string },
  { db = getDb(), now = new Date(), wait = sleep }: Options = {},
): Promise<SignInOutcome> {
  const check = await checkSignInAllowed({ email, clientAddress, now }, db)
  if (!check.allowed) return { ok: false, reason: 'throttled', retryAt: check.retryAt }
  if (check.delayMs > 0) await wait(check.delayMs)

  const user = await findCredentialsByEmail(email, db)
  const correct = user?.passwordHash
    ? await checkPassword(password, user.passwordHash)
    : await checkAgainstDummy(password)
  await recordSignInAttempt({ email, clientAddress, succeeded: correct, now }, db)
  if (!correct || !user) return { ok: false, reason: 'incorrect' }
  return {
    ok: true,
    user: { id: user.id, username: user.username, sessionVersion: user.sessionVersion },
  }
}

export type ConfirmOutcome =
  | { ok: true; email: string }
  | { ok: false; reason: 'incorrect' | 'no-password' }
  | { ok: false; reason: 'throttled'; retryAt: Date }

/**
 * A signed-in member re-entering their password (to change it or delete the account). It has a
 * small limit of its own, so an unattended session cannot be used to guess the password, and
 * strangers' failed sign-ins for the email never stop the owner changing it.
 */
export async function confirmMemberPassword(
  { viewer, password, clientAddress }: { viewer: Viewer; password: string; clientAddress: string },
  { db = getDb(), now = new Date() }: Omit<Options, 'wait'> = {},
): Promise<ConfirmOutcome> {
  const account = await findCredentialsById(viewer, db)
  // An account without a password (made through a provider) has nothing to check.
  if (!account?.email || !account.passwordHash) return { ok: false, reason: 'no-password' }
  const check = await checkConfirmAllowed({ memberId: viewer.id, now }, db)
  if (!check.allowed) return { ok: false, reason: 'throttled', retryAt: check.retryAt }
  const correct = await checkPassword(password, account.passwordHash)
  await recordConfirmAttempt({ memberId: viewer.id, clientAddress, succeeded: correct, now }, db)
  return correct ? { ok: true, email: account.email } : { ok: false, reason: 'incorrect' }
}
