import { getDb, type Database } from '@/db/client'
import { liveSession, startSession } from '@/db/member-sessions'
import { sessionStateOf } from '@/db/users'

export type SessionToken = {
  sub?: string
  /** The member_sessions row this cookie stands for: signing out deletes it. */
  sessionId?: string
  sessionVersion?: number
  username?: string | null
}

/**
 * Runs whenever a session is read. At sign-in it starts a session on the server and stamps its
 * id and the account's session version in the token. Later it ends the session (null) once it
 * has been signed out, has run out (db/member-sessions.ts SESSION_LIFETIME) or its version has
 * moved on — after a password change or account deletion — and keeps the username current.
 * One read by primary keys per request.
 */
export async function refreshSessionToken<T extends SessionToken>(
  token: T,
  signedInUser: { id?: string } | undefined,
  db: Database = getDb(),
  now: Date = new Date(),
): Promise<T | null> {
  if (signedInUser) {
    const userId = signedInUser.id
    const state = userId ? await sessionStateOf(userId, db) : null
    if (!userId || !state) return null
    token.sub = userId
    token.sessionId = await startSession(userId, now, db)
    token.sessionVersion = state.sessionVersion
    token.username = state.username
    return token
  }
  const { sub: userId, sessionId } = token
  if (!userId || !sessionId) return null
  const state = await liveSession({ sessionId, userId }, now, db)
  if (!state || state.sessionVersion !== token.sessionVersion) return null
  token.username = state.username
  return token
}
