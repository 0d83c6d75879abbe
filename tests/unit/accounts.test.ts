import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { accounts, users } from '@/db/schema'
import {
  chooseUsername,
  createUserWithPassword,
  deleteUser,
  findPublicProfile,
  replacePassword,
} from '@/db/users'
import { secretBeside } from '@/lib/auth-secret'
import { hashPassword } from '@/lib/password'
import { safeCallbackPath } from '@/lib/safe-callback'
import { refreshSessionToken, type SessionToken } from '@/lib/session-token'
import { signInWithPassword } from '@/lib/sign-in'
import { delayFor, recordSignInAttempt } from '@/db/sign-in-throttle'
import { createTestDatabase } from '../helpers/test-db'

const db = await createTestDatabase()
const passwordHash = await hashPassword('correct horse battery')

let counter = 0
async function newAccount() {
  counter++
  const created = await createUserWithPassword(
    { username: `member_${counter}`, email: `member${counter}@example.test`, passwordHash },
    db,
  )
  if (!created.ok) throw new Error('could not create the account')
  return { id: created.id, email: `member${counter}@example.test` }
}

describe('accounts', () => {
  it('reports a taken username and a taken email instead of creating a second account', async () => {
    const first = await newAccount()
    const [row] = await db.select().from(users).where(eq(users.id, first.id))
    const again = await createUserWithPassword(
      { username: row!.username!, email: first.email, passwordHash },
      db,
    )
    expect(again).toEqual({ ok: false, taken: ['username', 'email'] })
    expect(await db.$count(users, eq(users.email, first.email))).toBe(1)
  })

  it('signs in with the right password only, and the same answer for a missing account', async () => {
    const { email } = await newAccount()
    const clientAddress = `192.0.2.${counter}`
    const right = await signInWithPassword({ email, password: 'correct horse battery', clientAddress }, { db }) // prettier-ignore
    expect(right).toMatchObject({ ok: true, user: { sessionVersion: 1 } })
    const wrong = await signInWithPassword(
      { email, password: 'wrong horse', clientAddress },
      { db },
    )
    const missing = await signInWithPassword({ email: 'nobody@example.test', password: 'x', clientAddress }, { db }) // prettier-ignore
    expect(wrong).toEqual({ ok: false, reason: 'incorrect' })
    expect(missing).toEqual(wrong)
  })

  it('refuses even the right password once throttled', async () => {
    const { email } = await newAccount()
    const now = new Date('2026-11-26T12:00:00Z')
    for (let i = 0; i < 5; i++) {
      await signInWithPassword({ email, password: `guess ${i}`, clientAddress: 'x' }, { db, now })
    }
    const outcome = await signInWithPassword(
      { email, password: 'correct horse battery', clientAddress: 'x' },
      { db, now },
    )
    expect(outcome).toEqual({
      ok: false,
      reason: 'throttled',
      retryAt: new Date('2026-11-26T12:15:00Z'),
    })
  })
})

describe('strangers cannot lock a member out', () => {
  it('guesses from other addresses leave the owner signing in from theirs, after a wait', async () => {
    const { email } = await newAccount()
    const now = new Date('2026-11-26T12:00:00Z')
    const waits: number[] = []
    const wait = async (ms: number) => void waits.push(ms)
    // Strangers' failures, five from each of three addresses, as the throttle records them.
    for (let host = 1; host <= 3; host++) {
      for (let i = 0; i < 5; i++) {
        const clientAddress = `203.0.113.${host}`
        await recordSignInAttempt({ email, clientAddress, succeeded: false, now }, db)
      }
    }
    const fromStranger = await signInWithPassword({ email, password: 'correct horse battery', clientAddress: '203.0.113.1' }, { db, now, wait }) // prettier-ignore
    expect(fromStranger).toMatchObject({ ok: false, reason: 'throttled' })
    const fromOwner = await signInWithPassword({ email, password: 'correct horse battery', clientAddress: '198.51.100.9' }, { db, now, wait }) // prettier-ignore
    expect(fromOwner).toMatchObject({ ok: true })
    expect(waits).toEqual([delayFor(15)])
  })
})

describe('sessions', () => {
  it('ends every earlier session when the password changes, and keeps the new one', async () => {
    const account = await newAccount()
    const before = await refreshSessionToken({} as SessionToken, { id: account.id }, db)
    expect(before).toMatchObject({ sub: account.id, sessionVersion: 1, username: `member_${counter}` }) // prettier-ignore
    expect(await refreshSessionToken({ ...before }, undefined, db)).not.toBeNull()

    await replacePassword(account, await hashPassword('a brand new passphrase'), db)
    expect(await refreshSessionToken({ ...before }, undefined, db)).toBeNull()
    const after = await refreshSessionToken({} as SessionToken, { id: account.id }, db)
    expect(after?.sessionVersion).toBe(2)
    expect(await refreshSessionToken({ ...after }, undefined, db)).not.toBeNull()
  })

  it('picks up a username chosen after signing in through a provider', async () => {
    const [row] = await db.insert(users).values({ email: 'oidc@example.test' }).returning()
    const token = await refreshSessionToken({} as SessionToken, { id: row!.id }, db)
    expect(token?.username).toBeNull()
    expect(await chooseUsername({ id: row!.id }, 'from_provider', db)).toBe('chosen')
    expect((await refreshSessionToken({ ...token }, undefined, db))?.username).toBe('from_provider')
    expect(await chooseUsername({ id: row!.id }, 'member_1', db)).toBe('taken')
    // Once chosen, a name stays: renaming would free it, and its list URLs, for someone else.
    expect(await chooseUsername({ id: row!.id }, 'a_new_name', db)).toBe('already-set')
    expect((await refreshSessionToken({ ...token }, undefined, db))?.username).toBe('from_provider')
  })

  it('deleting an account ends its sessions and removes what it owns', async () => {
    const account = await newAccount()
    await db.insert(accounts).values({
      userId: account.id,
      type: 'oidc',
      provider: 'oidc',
      providerAccountId: `sub-${counter}`,
    })
    const token = await refreshSessionToken({} as SessionToken, { id: account.id }, db)
    await deleteUser(account, db)
    expect(await refreshSessionToken({ ...token }, undefined, db)).toBeNull()
    expect(await db.$count(users, eq(users.id, account.id))).toBe(0)
    expect(await db.$count(accounts, eq(accounts.userId, account.id))).toBe(0)
    expect(await findPublicProfile(`member_${counter}`, db)).toBeNull()
  })
})

describe('AUTH_SECRET for the embedded database', () => {
  it('is generated once beside the database, readable only by its owner, then reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinofront-secret-'))
    const databaseFile = join(dir, 'nested', 'kinofront.db')
    const first = secretBeside(databaseFile)
    expect(first).toMatch(/^[\w-]{43}$/)
    const file = join(dir, 'nested', 'auth-secret')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(secretBeside(databaseFile)).toBe(first)
    expect(readFileSync(file, 'utf8')).toBe(first)
  })
})

describe('safeCallbackPath', () => {
  it.each([
    ['/films/liberation', '/films/liberation'],
    ['/films?q=cranes#results', '/films?q=cranes#results'],
    ['/%D0%B6', '/%D0%B6'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected)
  })

  it.each([
    '//evil.example',
    '///evil.example',
    'https://evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%2F/evil.example',
    '%2F%2Fevil.example',
    ' /films',
    'javascript:alert(1)',
    '/films\n',
    '',
    undefined,
    ['/films'],
  ])('sends %j home instead', (input) => {
    expect(safeCallbackPath(input)).toBe('/')
  })
})
