import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { encode } from 'next-auth/jwt'
import { openDatabaseFile } from '@/db/client'
import { users } from '@/db/schema'
import { SESSION_COOKIE } from '@/lib/session-cookie'

// The bench server runs over HTTP.
const COOKIE = SESSION_COOKIE.http

/**
 * Session cookies for `count` new members of the bench database, signed with the secret the
 * server generated beside it, as Auth.js would issue them at sign-in.
 */
export async function signedInCookies(dir: string, count: number): Promise<string[]> {
  const databaseFile = join(dir, 'bench.db')
  const db = openDatabaseFile(databaseFile)
  const secret = readFileSync(join(dir, 'auth-secret'), 'utf8').trim()
  const members = await db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        username: `bench_${i}`,
        email: `bench.${i}@example.test`,
      })),
    )
    .returning({ id: users.id, username: users.username, sessionVersion: users.sessionVersion })
  db.$client.close()
  return Promise.all(
    members.map(async (member) => {
      const token = {
        sub: member.id,
        username: member.username,
        sessionVersion: member.sessionVersion,
      }
      return `${COOKIE}=${await encode({ token, secret, salt: COOKIE })}`
    }),
  )
}
