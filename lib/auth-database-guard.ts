import type { Adapter } from '@auth/core/adapters'
import { DatabaseUnavailable } from './database-failure'
import { databaseFileLost } from './server/database-file'

/**
 * Sign-ins write (a provider's first sign-in creates the account through Auth.js's adapter, and
 * every sign-in starts a session row), outside the action pipeline that refuses writes once the
 * database file is lost (lib/server/database-file.ts). These refuse them there too, instead of
 * signing people in to an account that is gone at the next restart.
 */

/** The `?error=` code the sign-in page explains (app/(per-request)/signin/page.tsx). */
export const DATABASE_UNAVAILABLE = 'DatabaseUnavailable'

export const DATABASE_UNAVAILABLE_NOTICE =
  'Kinofront cannot save anything right now, so signing in is paused. Please try again later.'

/**
 * Auth.js's `signIn` callback, run before any account is created or linked: refuses every
 * sign-in, sending the person back to the sign-in page with a notice, while the file is lost.
 */
export function refuseSignInWhileDatabaseLost(): true | string {
  return databaseFileLost() ? `/signin?error=${DATABASE_UNAVAILABLE}` : true
}

const WRITES = [
  'createUser',
  'updateUser',
  'deleteUser',
  'linkAccount',
  'unlinkAccount',
  'createSession',
  'updateSession',
  'deleteSession',
  'createVerificationToken',
  'useVerificationToken',
] as const

/** The adapter with every write refused (DatabaseUnavailable) while the file is lost. */
export function refusingWritesWhileDatabaseLost(adapter: Adapter): Adapter {
  const guarded: Adapter = { ...adapter }
  for (const name of WRITES) {
    const write = adapter[name] as ((...args: unknown[]) => Promise<unknown>) | undefined
    if (!write) continue
    ;(guarded as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const lost = databaseFileLost()
      if (lost) return Promise.reject(new DatabaseUnavailable(lost))
      return write.apply(adapter, args)
    }
  }
  return guarded
}
