import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { encode } from 'next-auth/jwt'
import { openDatabaseFile } from '@/db/client'
import { startSession } from '@/db/member-sessions'
import { users } from '@/db/schema'
import { SESSION_COOKIE } from '@/lib/session-cookie'
import type { Member } from './rating-action'

// The bench server runs over HTTP.
const COOKIE = SESSION_COOKIE.http

/**
 * `count` new members of the bench database, each with a session cookie signed with the secret
 * the server generated beside it, as Auth.js would issue it at sign-in.
 */
export async function benchMembers(dir: string, count: number): Promise<Member[]> {
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
  // Each a live session on the server, as signing in starts one (db/member-sessions.ts).
  const sessionIds = await Promise.all(
    members.map((member) => startSession(member.id, new Date(), db)),
  )
  db.$client.close()
  return Promise.all(
    members.map(async (member, i) => {
      const token = {
        sub: member.id,
        sessionId: sessionIds[i],
        username: member.username,
        sessionVersion: member.sessionVersion,
      }
      return { id: member.id, cookie: `${COOKIE}=${await encode({ token, secret, salt: COOKIE })}` }
    }),
  )
}
