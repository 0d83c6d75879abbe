import { getDb, type Database } from '@/db/client'
import { checkSignInAllowed, recordSignInAttempt } from '@/db/sign-in-throttle'
import { findCredentialsByEmail } from '@/db/users'
import { verifyAgainstDummy, verifyPassword } from './password'

export type SignInOutcome =
  | { ok: true; user: { id: string; username: string | null; sessionVersion: number } }
  | { ok: false; reason: 'incorrect' }
  | { ok: false; reason: 'throttled'; retryAt: Date }

/**
 * Checks an email and password, throttled per account and per client address. A missing account
 * costs the same hashing time as a wrong password, and both give the same answer.
 */
export async function signInWithPassword(
  { email, password, clientAddress }: { email: string; password: string; clientAddress: string },
  { db = getDb(), now = new Date() }: { db?: Database; now?: Date } = {},
): Promise<SignInOutcome> {
  const check = await checkSignInAllowed({ email, clientAddress, now }, db)
  if (!check.allowed) return { ok: false, reason: 'throttled', retryAt: check.retryAt }

  const user = await findCredentialsByEmail(email, db)
  const correct = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstDummy(password)
  await recordSignInAttempt({ email, clientAddress, succeeded: correct, now }, db)
  if (!correct || !user) return { ok: false, reason: 'incorrect' }
  return {
    ok: true,
    user: { id: user.id, username: user.username, sessionVersion: user.sessionVersion },
  }
}
