import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { endEverySession, endSession, SESSION_LIFETIME } from '@/db/member-sessions'
import { memberSessions, users } from '@/db/schema'
import { refreshSessionToken, type SessionToken } from '@/lib/session-token'
import { sessionUserIdOf } from '@/lib/session-user'
import { encode } from 'next-auth/jwt'
import { createTestDatabase } from '../helpers/test-db'

const db = await createTestDatabase()
const SECRET = 'a test secret that is long enough to be accepted'
process.env.AUTH_SECRET ??= SECRET

let counter = 0
async function newMember() {
  const [row] = await db
    .insert(users)
    .values({ username: `session_${++counter}`, email: `session${counter}@example.test` })
    .returning({ id: users.id })
  return row!.id
}

const signIn = (userId: string, now = new Date()) =>
  refreshSessionToken({} as SessionToken, { id: userId }, db, now)
const read = (token: SessionToken | null, now = new Date()) =>
  refreshSessionToken({ ...token }, undefined, db, now)

describe('member sessions', () => {
  it('signing out refuses a copy of the cookie taken before, and leaves other sessions alone', async () => {
    const userId = await newMember()
    const laptop = await signIn(userId)
    const phone = await signIn(userId)
    expect(laptop?.sessionId).toBeTruthy()
    expect(laptop?.sessionId).not.toBe(phone?.sessionId)
    expect(await read(laptop)).not.toBeNull()

    await endSession(laptop!.sessionId!, db)
    expect(await read(laptop)).toBeNull()
    expect(await read(phone)).toMatchObject({ sub: userId, username: `session_${counter}` })
  })

  it('the check is inside the cookie decoder server.ts and the pages use', async () => {
    const userId = await newMember()
    const token = await signIn(userId)
    const cookie = `authjs.session-token=${await encode({ token: token!, secret: process.env.AUTH_SECRET!, salt: 'authjs.session-token' })}`
    expect(await sessionUserIdOf(cookie, db)).toBe(userId)
    await endSession(token!.sessionId!, db)
    expect(await sessionUserIdOf(cookie, db)).toBeNull()
  })

  it('"sign out everywhere" ends every session of the member and no one else’s', async () => {
    const userId = await newMember()
    const other = await newMember()
    const sessions = [await signIn(userId), await signIn(userId)]
    const someoneElse = await signIn(other)
    await endEverySession(userId, db)
    for (const token of sessions) expect(await read(token)).toBeNull()
    expect(await read(someoneElse)).not.toBeNull()
  })

  it('refuses a token without a session id, or with someone else’s', async () => {
    const userId = await newMember()
    const other = await newMember()
    const token = await signIn(userId)
    expect(await read({ ...token, sessionId: undefined })).toBeNull()
    const theirs = await signIn(other)
    expect(await read({ ...token, sessionId: theirs!.sessionId })).toBeNull()
  })

  it('ends a session idle for longer than the idle lifetime, and moves last-seen on while in use', async () => {
    const userId = await newMember()
    const start = new Date('2026-12-01T12:00:00Z')
    const token = await signIn(userId, start)
    const lastSeen = async () =>
      (await db.select().from(memberSessions).where(eq(memberSessions.id, token!.sessionId!)))[0]
        ?.lastSeenAt

    // Within touchEvery nothing is written; after it, last-seen moves on.
    const soon = new Date(start.getTime() + SESSION_LIFETIME.touchEvery / 2)
    expect(await read(token, soon)).not.toBeNull()
    expect(await lastSeen()).toEqual(start)
    const later = new Date(start.getTime() + SESSION_LIFETIME.idle - 1000)
    expect(await read(token, later)).not.toBeNull()
    expect(await lastSeen()).toEqual(later)

    // Used again just within the idle lifetime of that visit: still live.
    const withinIdle = new Date(later.getTime() + SESSION_LIFETIME.idle - 1000)
    expect(await read(token, withinIdle)).not.toBeNull()
    // Then left alone for longer than the idle lifetime: ended, and the row is gone.
    const tooLate = new Date(withinIdle.getTime() + SESSION_LIFETIME.idle + 1000)
    expect(await read(token, tooLate)).toBeNull()
    expect(await lastSeen()).toBeUndefined()
  })

  it('ends a session at its absolute lifetime however active it is', async () => {
    const userId = await newMember()
    const start = new Date('2026-12-01T12:00:00Z')
    const token = await signIn(userId, start)
    let now = start.getTime()
    while (now + SESSION_LIFETIME.idle / 2 < start.getTime() + SESSION_LIFETIME.absolute) {
      now += SESSION_LIFETIME.idle / 2
      expect(await read(token, new Date(now))).not.toBeNull()
    }
    expect(await read(token, new Date(start.getTime() + SESSION_LIFETIME.absolute + 1))).toBeNull()
  })

  it('starting a session clears the member’s sessions that have run out', async () => {
    const userId = await newMember()
    const start = new Date('2026-12-01T12:00:00Z')
    await signIn(userId, start)
    await signIn(userId, new Date(start.getTime() + SESSION_LIFETIME.idle + 1000))
    expect(await db.$count(memberSessions, eq(memberSessions.userId, userId))).toBe(1)
  })
})
