import { getDb, type Database } from '@/db/client'
import { sessionStateOf } from '@/db/users'

export type SessionToken = {
  sub?: string
  sessionVersion?: number
  username?: string | null
}

/**
 * Runs whenever a session is read. At sign-in it stamps the account's session version; later it
 * ends the session (null) once the version has moved on — after a password change or account
 * deletion — and keeps the username current. One primary-key read per request.
 */
export async function refreshSessionToken<T extends SessionToken>(
  token: T,
  signedInUser: { id?: string } | undefined,
  db: Database = getDb(),
): Promise<T | null> {
  const userId = signedInUser?.id ?? token.sub
  if (!userId) return null
  const state = await sessionStateOf(userId, db)
  if (!state) return null
  if (signedInUser) {
    token.sub = userId
    token.sessionVersion = state.sessionVersion
  } else if (state.sessionVersion !== token.sessionVersion) {
    return null
  }
  token.username = state.username
  return token
}
