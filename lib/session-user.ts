import { getToken } from 'next-auth/jwt'
import { getDb, type Database } from '@/db/client'
import { authSecret } from './auth-secret'
import { SESSION_COOKIES } from './session-cookie'
import { refreshSessionToken } from './session-token'

export type SessionUser = { id: string; username: string | null }

/**
 * The person whose session cookie a request carries, checked as `auth()` checks it (signature,
 * expiry, session version). Unlike `auth()` it only decodes the cookie: pages cannot set cookies,
 * so the fresh cookie `auth()` encodes on every call would be thrown away.
 */
export async function sessionUserOf(
  cookieHeader: string | null | undefined,
  db: Database = getDb(),
): Promise<SessionUser | null> {
  if (!cookieHeader) return null
  // Only the cookie: auth() reads no Authorization header, so neither does this.
  const req = { headers: { cookie: cookieHeader } }
  // Auth.js names the cookie __Secure-… on HTTPS; which one applies depends on the site's URL.
  for (const cookieName of SESSION_COOKIES) {
    const token = await getToken({ req, secret: authSecret(), cookieName })
    if (!token) continue
    const current = await refreshSessionToken(token, undefined, db)
    return current?.sub ? { id: current.sub, username: current.username ?? null } : null
  }
  return null
}

/** For server.ts, which must answer some requests before Next does. */
export async function sessionUserIdOf(
  cookieHeader: string | undefined,
  db: Database = getDb(),
): Promise<string | null> {
  return (await sessionUserOf(cookieHeader, db))?.id ?? null
}
