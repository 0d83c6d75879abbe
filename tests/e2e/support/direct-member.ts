import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { test, type Page } from '@playwright/test'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { encode } from 'next-auth/jwt'
import { memberSessions, users } from '../../../db/schema'
import { hashPassword } from '../../../lib/password'
import { SESSION_COOKIE } from '../../../lib/session-cookie'
import { expectSignedInAs, newUser, type TestUser } from './accounts'

// New members for tests about something other than signing up, in about half the time the
// sign-up form takes (its page, a password hashed on the busy server, a redirect):
// the account goes straight into the run's database, and its session is the cookie Auth.js
// itself would set. accounts.spec.ts and members.setup.ts sign up through the form, with and
// without JavaScript.

/** The run's database (playwright.config.ts), as `npm start` and the operator's scripts open it. */
export function e2eDatabaseUrl() {
  const folder = process.env.E2E_DB_DIR
  if (!folder) throw new Error('E2E_DB_DIR is not set: run the tests with playwright.config.ts')
  return `file:${join(folder, 'e2e.db')}`
}

/** The server's secret: AUTH_SECRET, or else the one it keeps beside its database (lib/auth-secret.ts). */
function authSecret() {
  const beside = () => readFileSync(join(process.env.E2E_DB_DIR!, 'auth-secret'), 'utf8').trim()
  return process.env.AUTH_SECRET ?? beside()
}

let client: Client | undefined
// One password per test process, hashed once (scrypt as the server does it): a member made here
// can still confirm it on /settings or sign in with it.
const password = `long enough passphrase ${randomBytes(5).toString('hex')}`
let passwordHash: Promise<string> | undefined

/** Makes a new member, with a username and email nobody has, signed in nowhere. */
export async function createMember(): Promise<TestUser & { id: string }> {
  client ??= createClient({ url: e2eDatabaseUrl(), timeout: 5000 })
  const user = { ...newUser(), password, id: randomUUID() }
  await drizzle(client)
    .insert(users)
    .values({
      id: user.id,
      username: user.username,
      email: user.email,
      passwordHash: await (passwordHash ??= hashPassword(password)),
    })
  return user
}

/**
 * Makes a new member, signs `page`'s browser context in as them and opens the home page, showing
 * them signed in: where `signUpNewUser` leaves a page.
 */
export async function newMemberSignedIn(page: Page): Promise<TestUser> {
  const { id, ...user } = await createMember()
  // A session as Auth.js starts one at sign-in (the jwt callback in auth.ts): a row, and a cookie
  // stamped with its id and the account's session version (lib/session-token.ts).
  const sessionId = randomBytes(32).toString('base64url')
  const now = new Date()
  await drizzle(client!)
    .insert(memberSessions)
    .values({ id: sessionId, userId: id, createdAt: now, lastSeenAt: now })
  const token = { sub: id, sessionId, sessionVersion: 1, username: user.username }
  const value = await encode({ token, secret: authSecret(), salt: SESSION_COOKIE.http })
  const url = test.info().project.use.baseURL!
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE.http, value, url, httpOnly: true, sameSite: 'Lax' }])
  await page.goto('/')
  await expectSignedInAs(page, user.username)
  return user
}

/**
 * Makes a member's diary public or private in the database alone, as another server's write would
 * look to this one before its change feed brings the news.
 */
export async function setDiaryPublicInDatabase(username: string, diaryPublic: boolean) {
  client ??= createClient({ url: e2eDatabaseUrl(), timeout: 5000 })
  await drizzle(client).update(users).set({ diaryPublic }).where(eq(users.username, username))
}
