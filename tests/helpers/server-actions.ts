import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getURLFromRedirectError } from 'next/dist/client/components/redirect'
import { isRedirectError } from 'next/dist/client/components/redirect-error'
import { encode } from 'next-auth/jwt'
import { afterAll, beforeEach, vi } from 'vitest'
import { getDb, type Database } from '@/db/client'
import { migrateDatabase, seedIfEmpty } from '@/db/prepare'
import type { Viewer } from '@/db/users'
import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address'
import { refreshSessionToken } from '@/lib/session-token'
import { rowsOf } from './table-rows'

// Server actions run as they are, on a migrated test database that the app's own configuration
// points at (DATABASE_URL): only what Next hands them inside a request is stood in — the
// request's headers, which carry the session cookie, the cookies the answer sets, and the page
// cache. redirect() is Next's own: it throws, and outcomeOf() says where it was sending someone.
//
// The vi.mock calls below apply to modules imported after this one has run: import this helper
// first, and the actions afterwards with `await import(...)`. (Next's real headers() and
// revalidatePath() throw outside a request, so a module that got them instead fails loudly.)

const SECRET = 'a test secret that is long enough to be accepted'
const SESSION_COOKIE = 'authjs.session-token'

const stand = vi.hoisted(() => ({
  headers: new Headers(),
  /** The cookies the response sets (Auth.js's signIn and signOut set the session cookie). */
  setCookies: [] as { name: string; value: string }[],
  revalidatePath: vi.fn<(path: string) => void>(),
  refresh: vi.fn<() => void>(),
}))

vi.mock('next/headers', () => ({
  headers: async () => stand.headers,
  cookies: async () => ({
    set: (name: string, value: string) => stand.setCookies.push({ name, value }),
  }),
}))
vi.mock('next/cache', () => ({ revalidatePath: stand.revalidatePath, refresh: stand.refresh }))

vi.stubEnv('AUTH_SECRET', SECRET)
afterAll(() => vi.unstubAllEnvs())
beforeEach(async () => {
  stand.revalidatePath.mockClear()
  stand.refresh.mockClear()
  stand.setCookies = []
  await signInAs(null)
})

/**
 * A fresh database file, migrated and seeded, which the app's getDb() opens: the actions write to
 * it, and the test reads it (or calls db/ functions on it) through the same connection.
 */
export async function databaseForActions(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'kinofront-actions-'))
  const file = join(dir, 'test.db')
  vi.stubEnv('DATABASE_URL', `file:${file}`)
  const db = getDb()
  const [main] = await rowsOf(db, `select file from pragma_database_list where name = 'main'`)
  if (main?.file !== file) throw new Error(`getDb() had already opened ${String(main?.file)}`)
  await migrateDatabase({ embedded: true }, db)
  await seedIfEmpty(db)
  afterAll(() => {
    db.$client.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return db
}

let requests = 0

/**
 * The requests that follow carry a session cookie for `viewer`, made as Auth.js makes one at
 * sign-in; `null`: no session. Each test starts with none. They come from a client address of
 * their own (so that sign-in throttling by address does not carry over between tests) unless
 * `headers` names one; `headers` may add others, such as a Referer.
 */
export async function signInAs(viewer: Viewer | null, headers: Record<string, string> = {}) {
  stand.headers = new Headers({
    host: 'localhost:3000',
    'x-forwarded-proto': 'http',
    [CLIENT_ADDRESS_HEADER]: `test-client-${++requests}`,
    ...headers,
  })
  if (!viewer) return
  const token = await refreshSessionToken({}, { id: viewer.id })
  if (!token) throw new Error(`No account has the id ${viewer.id}`)
  const cookie = await encode({ token, secret: SECRET, salt: SESSION_COOKIE })
  stand.headers.set('cookie', `${SESSION_COOKIE}=${cookie}`)
}

/** The paths the actions have said are stale during this test, in order. */
export const revalidatedPaths = () => stand.revalidatePath.mock.calls.map(([path]) => path)

/** How often an action has asked for the current page to be rendered again during this test. */
export const refreshes = () => stand.refresh.mock.calls.length

/** The cookies set in answer to the requests of this test, by name: the last value set. */
export const cookiesSet = () =>
  Object.fromEntries(stand.setCookies.map(({ name, value }) => [name, value]))

/** A form's data as a browser sends it: these text fields, in this order (undefined: left out). */
export function form(fields: Record<string, string | undefined>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) data.append(name, value)
  }
  return data
}

/** A server action is a public endpoint: anyone may call it with any arguments at all. */
export const asEndpoint = (action: unknown) => action as (...args: unknown[]) => Promise<unknown>

export type Outcome<T> = { answered: T } | { redirectedTo: string }

/** What the action answered, or where it redirected to (by throwing, as redirect() does). */
export async function outcomeOf<T>(running: Promise<T>): Promise<Outcome<T>> {
  try {
    return { answered: await running }
  } catch (error) {
    if (isRedirectError(error)) return { redirectedTo: getURLFromRedirectError(error) }
    throw error
  }
}

/** Where the action redirected to; fails the test if it answered instead. */
export async function redirectOf(running: Promise<unknown>): Promise<string> {
  const outcome = await outcomeOf(running)
  if ('answered' in outcome) {
    throw new Error(`Expected a redirect, got ${JSON.stringify(outcome.answered)}`)
  }
  return outcome.redirectedTo
}
