import { decode, getToken, type JWT } from 'next-auth/jwt'
import { getDb, type Database } from '@/db/client'
import { authSecret } from './auth-secret'
import { SESSION_COOKIES } from './session-cookie'
import { refreshSessionToken, type SessionToken } from './session-token'

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
  const token = await sessionTokenOf(cookieHeader)
  if (!token) return null
  const current = await refreshSessionToken(token, undefined, db)
  return current?.sub ? { id: current.sub, username: current.username ?? null } : null
}

/** For server.ts, which must answer some requests before Next does. */
export async function sessionUserIdOf(
  cookieHeader: string | undefined,
  db: Database = getDb(),
): Promise<string | null> {
  return (await sessionUserOf(cookieHeader, db))?.id ?? null
}

/**
 * The session token in a cookie header, with its signature and expiry checked; not yet whether
 * the session still holds on the server (`refreshSessionToken`, or one query that reads it).
 */
export async function sessionTokenOf(
  cookieHeader: string | null | undefined,
): Promise<(JWT & SessionToken) | null> {
  if (!cookieHeader) return null
  // Only the cookie: auth() reads no Authorization header, so neither does this.
  const req = { headers: { cookie: cookieHeader } }
  // Auth.js names the cookie __Secure-… on HTTPS; which one applies depends on the site's URL.
  for (const cookieName of SESSION_COOKIES) {
    const token = await getToken({ req, secret: authSecret(), cookieName, decode: decodeOnce })
    if (token) return { ...token }
  }
  return null
}

/**
 * Auth.js's `decode`, remembered per cookie: decrypting a cookie (a key derived from the secret,
 * then AES) is a good part of a small request's time, and a member sends the same cookie with
 * every request. Only cookies that decrypted are kept, and their expiry is checked again on each
 * use, with the leeway `decode` allows. The key holds the secret too, so a new secret decodes anew.
 */
async function decodeOnce(params: Parameters<typeof decode>[0]): Promise<JWT | null> {
  const key = `${String(params.secret)}\n${params.salt}\n${params.token}`
  const known = decoded.get(key)
  if (known && !expired(known)) return known
  decoded.delete(key)
  const token = await decode(params)
  if (!token) return null
  if (decoded.size >= DECODED_KEPT) decoded.delete(decoded.keys().next().value!)
  decoded.set(key, token)
  return token
}

const DECODED_KEPT = 10_000
const decoded = new Map<string, JWT>()
// As `decode` (jose's jwtDecrypt with clockTolerance: 15).
const CLOCK_TOLERANCE_S = 15
const expired = ({ exp, nbf }: JWT) => {
  const now = Date.now() / 1000
  return (
    (typeof exp === 'number' && exp <= now - CLOCK_TOLERANCE_S) ||
    (typeof nbf === 'number' && nbf > now + CLOCK_TOLERANCE_S)
  )
}
