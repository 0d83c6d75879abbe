import { renameSync } from 'node:fs'
import { DrizzleAdapter } from '@auth/drizzle-adapter'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { accounts, memberSessions, users } from '@/db/schema'
import { createUserWithPassword } from '@/db/users'
import { databaseForActions, outcomeOf, signInAs } from '../helpers/server-actions'

// Signing in writes outside the action pipeline (a provider's first sign-in creates the account
// through Auth.js's adapter; every sign-in starts a session row). Once the database file is lost,
// those writes are refused too, with a notice on the sign-in page, not lost in silence.
const db = await databaseForActions()
const { watchDatabaseFile } = await import('@/lib/server/database-file')
const { DatabaseUnavailable } = await import('@/lib/database-failure')
const { DATABASE_UNAVAILABLE, refusingWritesWhileDatabaseLost } = await import('@/lib/auth-database-guard') // prettier-ignore
const { signIn } = await import('@/auth')
const { issueSignInTicket, SIGN_IN_TICKET } = await import('@/lib/sign-in-ticket')

const databaseFile = process.env.DATABASE_URL!.slice('file:'.length)
const adapter = refusingWritesWhileDatabaseLost(
  DrizzleAdapter(db, { usersTable: users, accountsTable: accounts }),
)

let watch: { stop: () => void } | undefined
afterEach(() => watch?.stop())

/** Runs `work` while the database file is gone from its path (moved aside, then put back). */
async function withFileLost<T>(work: () => Promise<T>): Promise<T> {
  watch = watchDatabaseFile(databaseFile, { intervalMs: 60_000 })
  // Moved aside rather than deleted, so that this test file's other tests keep their database.
  renameSync(databaseFile, `${databaseFile}.moved`)
  try {
    return await work()
  } finally {
    renameSync(`${databaseFile}.moved`, databaseFile)
  }
}

const provided = (n: number) => ({
  id: `provided-${n}`,
  email: `provided${n}@example.test`,
  emailVerified: null,
  name: `Provided ${n}`,
})

describe('an identity provider’s first sign-in while the database file is lost', () => {
  it('creates the account while the file is there', async () => {
    const created = await adapter.createUser!(provided(1))
    expect(await db.$count(users, eq(users.id, created.id))).toBe(1)
  })

  it('is refused by the adapter, writing nothing', async () => {
    const person = provided(2)
    await withFileLost(async () => {
      const refused = adapter.createUser!(person)
      await expect(refused).rejects.toBeInstanceOf(DatabaseUnavailable)
      await expect(refused).rejects.toThrow(/^database file lost: .*test\.db is gone/)
      await expect(
        adapter.linkAccount!({ userId: 'anyone', type: 'oidc', provider: 'oidc', providerAccountId: '2' }), // prettier-ignore
      ).rejects.toBeInstanceOf(DatabaseUnavailable)
    })
    expect(await db.$count(users, eq(users.email, person.email))).toBe(0)
    expect(await db.$count(accounts, eq(accounts.providerAccountId, '2'))).toBe(0)
    // Reads still work: Auth.js looks the person up before it creates them.
    expect(await adapter.getUserByEmail!(person.email)).toBeNull()
  })
})

describe('any sign-in while the database file is lost', () => {
  it('goes back to the sign-in page with the notice, starting no session', async () => {
    const created = await createUserWithPassword(
      { username: 'lost_file', email: 'lost.file@example.test', passwordHash: 'x' },
      db,
    )
    if (!created.ok) throw new Error('could not create the account')
    await signInAs(null)
    // Through Auth.js itself (auth.ts): its signIn callback refuses before anything is written.
    const outcome = await withFileLost(() =>
      outcomeOf(signIn(SIGN_IN_TICKET, { ticket: issueSignInTicket(created.id), redirectTo: '/' })),
    )
    expect(outcome).toEqual({
      redirectedTo: expect.stringMatching(new RegExp(`/signin\\?error=${DATABASE_UNAVAILABLE}$`)),
    })
    expect(await db.$count(memberSessions, eq(memberSessions.userId, created.id))).toBe(0)
  })
})
