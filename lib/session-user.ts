import { getToken } from 'next-auth/jwt'
import { getDb, type Database } from '@/db/client'
import { authSecret } from './auth-secret'
import { refreshSessionToken } from './session-token'

/**
 * The person whose session cookie a request carries, checked as `auth()` checks it (signature,
 * expiry, session version), for server.ts, which must answer some requests before Next does.
 */
export async function sessionUserIdOf(
  cookieHeader: string | undefined,
  db: Database = getDb(),
): Promise<string | null> {
  if (!cookieHeader) return null
  // Only the cookie: auth() reads no Authorization header, so neither does this.
  const req = { headers: { cookie: cookieHeader } }
  // Auth.js names the cookie __Secure-… on HTTPS; which one applies depends on the site's URL.
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret: authSecret(), secureCookie })
    if (token) return (await refreshSessionToken(token, undefined, db))?.sub ?? null
  }
  return null
}
