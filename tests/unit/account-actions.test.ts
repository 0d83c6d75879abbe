import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { films, ratings, signInAttempts, users } from '@/db/schema'
import { THROTTLE } from '@/db/sign-in-throttle'
import { createUserWithPassword, type Viewer } from '@/db/users'
import { CHECK_FIELDS } from '@/lib/action-result'
import { hashPassword, verifyPassword } from '@/lib/password'
import { accountMessages, messages } from '@/lib/rules/accounts'
import { whileAnswering } from '@/lib/server/response-hints'
import { sessionUserOf } from '@/lib/session-user'
import {
  cookiesSet,
  databaseForActions,
  form,
  outcomeOf,
  redirectOf,
  refreshes,
  revalidatedPaths,
  signInAs,
} from '../helpers/server-actions'

// Signing up, signing in and the settings and welcome forms, through their actions.
const db = await databaseForActions()
const { signUp } = await import('@/app/(per-request)/signup/actions')
const { signInWithPassword } = await import('@/app/(per-request)/signin/actions')
const { changePassword, deleteAccount } = await import('@/app/(per-request)/settings/actions')
const { chooseUsernameAction } = await import('@/app/(per-request)/welcome/actions')
const { updateWatchlistVisibility } = await import('@/app/actions/watchlist')

const PASSWORD = 'correct horse battery'
const passwordHash = await hashPassword(PASSWORD)
const [liberation] = await db.select().from(films).where(eq(films.slug, 'liberation'))

let counter = 0
/** An account with a password (PASSWORD). */
async function newMember() {
  counter++
  const account = { username: `member_${counter}`, email: `member${counter}@example.test` }
  const created = await createUserWithPassword({ ...account, passwordHash }, db)
  if (!created.ok) throw new Error('could not create the account')
  return { id: created.id, ...account }
}

/** An account made by signing in through a provider: no password, maybe no username yet. */
async function newProviderMember(username: string | null = `provider_${++counter}`) {
  const [row] = await db
    .insert(users)
    .values({ username, email: `provider${++counter}@example.test` })
    .returning({ id: users.id })
  return { id: row!.id, username }
}

const accountOf = async (viewer: Viewer) =>
  (await db.select().from(users).where(eq(users.id, viewer.id)))[0]

/** Who the session cookie set in answer to the last request belongs to, if anyone. */
const sessionFromAnswer = () =>
  sessionUserOf(`authjs.session-token=${cookiesSet()['authjs.session-token']}`)

/** Runs an action as server.ts does, answering a response; returns the outcome and the response. */
async function answered<T>(running: () => Promise<T>) {
  const res = new ServerResponse(new IncomingMessage(new Socket()))
  const outcome = await whileAnswering(res, () => outcomeOf(running()))
  return { outcome, retryAfter: res.getHeader('retry-after') }
}

const pathOf = (url: string) => {
  const { pathname, search } = new URL(url, 'http://localhost:3000')
  return `${pathname}${search}`
}

describe('signing up', () => {
  it('creates the account, signs it in and goes back where the person came from', async () => {
    const sentTo = await redirectOf(
      signUp(
        null,
        form({ username: ' Kate ', email: 'Kate@Example.test', password: PASSWORD, callbackUrl: '/films?sort=year' }), // prettier-ignore
      ),
    )
    expect(pathOf(sentTo)).toBe('/films?sort=year')
    const [kate] = await db.select().from(users).where(eq(users.username, 'kate'))
    expect(kate).toMatchObject({ email: 'kate@example.test' })
    expect(await verifyPassword(PASSWORD, kate!.passwordHash!)).toBe(true)
    expect(await sessionFromAnswer()).toEqual({ id: kate!.id, username: 'kate' })
    // Signed in by a ticket, not by checking the password just hashed (a second scrypt): no
    // sign-in attempt was made for the email.
    const signInsOfKate = and(eq(signInAttempts.email, 'kate@example.test'), eq(signInAttempts.purpose, 'sign-in')) // prettier-ignore
    expect(await db.$count(signInAttempts, signInsOfKate)).toBe(0)
  })

  it('signs in by ticket only with a ticket the server issued', async () => {
    const { signIn } = await import('@/auth')
    const { issueSignInTicket, SIGN_IN_TICKET } = await import('@/lib/sign-in-ticket')
    const member = await newMember()
    await signInAs(null)
    await expect(signIn(SIGN_IN_TICKET, { ticket: 'A'.repeat(43), redirectTo: '/' })).rejects.toMatchObject({ type: 'CredentialsSignin' }) // prettier-ignore
    const ticket = issueSignInTicket(member.id)
    expect(await redirectOf(signIn(SIGN_IN_TICKET, { ticket, redirectTo: '/' }))).toBe('http://localhost:3000/') // prettier-ignore
    expect(await sessionFromAnswer()).toEqual({ id: member.id, username: member.username })
    // Used once.
    await expect(signIn(SIGN_IN_TICKET, { ticket, redirectTo: '/' })).rejects.toMatchObject({ type: 'CredentialsSignin' }) // prettier-ignore
  })

  it('validates all three fields and reports each by name, echoing all but the password', async () => {
    const outcome = await signUp(null, form({ username: 'k', email: 'nope', password: 'password' }))
    expect(outcome).toEqual({
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: {
        username: [messages.usernameLength],
        email: [messages.emailInvalid],
        password: [messages.passwordCommon],
      },
      values: { username: 'k', email: 'nope' },
    })
  })

  it('reports a taken username and a taken email instead of creating a second account', async () => {
    const member = await newMember()
    const typed = { username: member.username.toUpperCase(), email: ` ${member.email}` }
    const outcome = await signUp(null, form({ ...typed, password: 'another good password' }))
    expect(outcome).toEqual({
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: {
        username: [accountMessages.usernameTaken],
        email: [accountMessages.emailTaken],
      },
      values: typed,
    })
    expect(await db.$count(users, eq(users.email, member.email))).toBe(1)
    expect(cookiesSet()).toEqual({})
  })
})

describe('signing in', () => {
  it('signs in with the right password, and never goes off the site afterwards', async () => {
    const member = await newMember()
    const sentTo = await redirectOf(
      signInWithPassword(
        null,
        form({ email: member.email, password: PASSWORD, callbackUrl: '//evil.example/x' }),
      ),
    )
    expect(new URL(sentTo).host).toBe('localhost:3000')
    expect(pathOf(sentTo)).toBe('/')
    expect(await sessionFromAnswer()).toEqual({ id: member.id, username: member.username })
  })

  it('says the same for a wrong password and a missing account, echoing only the email', async () => {
    const member = await newMember()
    const wrong = await signInWithPassword(null, form({ email: member.email, password: 'wrong horse' })) // prettier-ignore
    const missing = await signInWithPassword(null, form({ email: 'nobody@example.test', password: 'x' })) // prettier-ignore
    expect(wrong).toEqual({
      ok: false,
      message: accountMessages.incorrect,
      values: { email: member.email },
    })
    expect(missing).toEqual({ ...wrong, values: { email: 'nobody@example.test' } })
    expect(cookiesSet()).toEqual({})
  })

  it('needs an email and a password, but does not judge the password', async () => {
    expect(await signInWithPassword(null, form({ email: ' ', password: '' }))).toEqual({
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { email: [messages.emailMissing], password: [messages.passwordMissing] },
      values: { email: ' ' },
    })
  })

  it('refuses even the right password once throttled, saying until when', async () => {
    const member = await newMember()
    for (let i = 0; i < THROTTLE.perAccountAndAddress; i++) {
      await signInWithPassword(null, form({ email: member.email, password: `wrong ${i}` }))
    }
    const outcome = await signInWithPassword(null, form({ email: member.email, password: PASSWORD })) // prettier-ignore
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many sign-in attempts\. Try again in 15 minutes/),
      values: { email: member.email },
    })
  })
})

describe('sign-up floods', () => {
  it('checks a taken email before hashing anything, and counts only sign-ups that hash', async () => {
    const member = await newMember()
    await signInAs(null, { 'x-kinofront-client-address': '198.51.100.50' })
    const outcome = await signUp(null, form({ username: 'brand_new_1', email: member.email, password: 'a long enough passphrase' })) // prettier-ignore
    expect(outcome).toMatchObject({
      ok: false,
      fieldErrors: { email: [accountMessages.emailTaken] },
    })
    expect(await db.$count(signInAttempts, eq(signInAttempts.clientAddress, '198.51.100.50'))).toBe(
      0,
    )
  })

  it(`refuses more than ${THROTTLE.signUpsPerAddress} sign-ups from one address in the window, not from another`, async () => {
    const address = '198.51.100.51'
    await db.insert(signInAttempts).values(
      Array.from({ length: THROTTLE.signUpsPerAddress }, (_, i) => ({
        email: `flood${i}@example.test`,
        clientAddress: address,
        succeeded: true,
        purpose: 'sign-up' as const,
        attemptedAt: new Date(),
      })),
    )
    await signInAs(null, { 'x-kinofront-client-address': address })
    const refused = await answered(() => signUp(null, form({ username: 'flood_next', email: 'flood.next@example.test', password: 'a long enough passphrase' }))) // prettier-ignore
    expect(refused.outcome).toMatchObject({
      answered: {
        ok: false,
        message: expect.stringMatching(
          /^Too many accounts have been created from your address\. Try again in 15 minutes/,
        ),
      },
    })
    // Retry-After in seconds: the window's 15 minutes, give or take the test's own time.
    expect(Number(refused.retryAfter)).toBeGreaterThan(14 * 60)
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60)
    expect(await db.$count(users, eq(users.email, 'flood.next@example.test'))).toBe(0)
    await signInAs(null, { 'x-kinofront-client-address': '198.51.100.52' })
    const elsewhere = await outcomeOf(signUp(null, form({ username: 'flood_next', email: 'flood.next@example.test', password: 'a long enough passphrase' }))) // prettier-ignore
    expect(elsewhere).toHaveProperty('redirectedTo')
  })

  it('answers "busy" with Retry-After beyond the hashing queue, keeping what was typed and creating no account', async () => {
    await signInAs(null, { 'x-kinofront-client-address': '198.51.100.53' })
    // One hashing and four waiting (app/(per-request)/signup/actions.ts): the sixth is refused.
    const sent = Array.from(
      { length: 6 },
      (_, i) =>
      answered(() => signUp(null, form({ username: `busy_${i}`, email: `busy${i}@example.test`, password: 'a long enough passphrase' }))), // prettier-ignore
    )
    const results = await Promise.all(sent)
    const busy = results.filter(({ outcome }) => !('redirectedTo' in outcome))
    expect(busy).toHaveLength(1)
    // What was typed comes back (but the password), next to the message.
    expect(busy[0]).toMatchObject({
      outcome: { answered: { ok: false, message: accountMessages.busy(5), values: { email: expect.stringMatching(/^busy\d@/) } } }, // prettier-ignore
      retryAfter: '5',
    })
    expect(results.filter(({ retryAfter }) => retryAfter === undefined)).toHaveLength(5)
    const { email } = (busy[0]!.outcome as unknown as { answered: { values: { email: string } } }).answered.values // prettier-ignore
    expect(await db.$count(users, eq(users.email, email))).toBe(0)
  }, 120_000) // five accounts are hashed and signed in, one at a time
})

describe('changing the password', () => {
  it('asks for the current password and checks the new one', async () => {
    await signInAs(await newMember())
    expect(
      await changePassword(null, form({ currentPassword: '', newPassword: 'qwerty123' })),
    ).toEqual({
      // prettier-ignore
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: {
        currentPassword: [messages.currentPasswordMissing],
        newPassword: [messages.passwordCommon],
      },
      values: {},
    })
  })

  it('refuses a wrong current password, counting it against its own limit, not sign-in', async () => {
    const member = await newMember()
    await signInAs(member)
    const outcome = await changePassword(null, form({ currentPassword: 'guess', newPassword: 'a much better one' })) // prettier-ignore
    expect(outcome).toEqual({
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { currentPassword: [accountMessages.currentPasswordWrong] },
      values: {},
    })
    expect((await accountOf(member))!.passwordHash).toBe(passwordHash)
    expect(await db.$count(signInAttempts, eq(signInAttempts.email, member.email))).toBe(0)
    expect(await db.$count(signInAttempts, eq(signInAttempts.email, `member:${member.id}`))).toBe(1)
  })

  /** Strangers' failed sign-ins for this email, from an address of theirs, as the throttle records them. */
  const strangersGuess = (email: string) =>
    db.insert(signInAttempts).values(
      Array.from({ length: THROTTLE.perAccountAndAddress }, () => ({
        email,
        clientAddress: '203.0.113.66',
        succeeded: false,
        attemptedAt: new Date(),
      })),
    )

  it('refuses after its own small limit of wrong current passwords', async () => {
    const member = await newMember()
    await signInAs(member)
    for (let i = 0; i < THROTTLE.perMemberConfirm; i++) {
      const wrong = await changePassword(null, form({ currentPassword: `typo ${i}`, newPassword: 'a much better one' })) // prettier-ignore
      expect(wrong).toMatchObject({ ok: false, message: CHECK_FIELDS })
    }
    const refused = await changePassword(null, form({ currentPassword: PASSWORD, newPassword: 'a much better one' })) // prettier-ignore
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many/) })
  })

  it('works while strangers have throttled sign-in for the email', async () => {
    const owner = await newMember()
    await strangersGuess(owner.email)
    await signInAs(null, { 'x-kinofront-client-address': '203.0.113.66' })
    expect(await signInWithPassword(null, form({ email: owner.email, password: PASSWORD }))).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many/) }) // prettier-ignore
    await signInAs(owner)
    const sentTo = await redirectOf(
      changePassword(null, form({ currentPassword: PASSWORD, newPassword: 'a much better one' })),
    )
    expect(pathOf(sentTo)).toBe('/settings?changed=password')
  })

  it('replaces the password, ends the other sessions and signs this one in again', async () => {
    const member = await newMember()
    await signInAs(member)
    const sentTo = await redirectOf(
      changePassword(null, form({ currentPassword: PASSWORD, newPassword: 'a much better one' })),
    )
    expect(pathOf(sentTo)).toBe('/settings?changed=password')
    const account = await accountOf(member)
    expect(await verifyPassword('a much better one', account!.passwordHash!)).toBe(true)
    expect(account!.sessionVersion).toBe(2)
    expect(await sessionFromAnswer()).toEqual({ id: member.id, username: member.username })
    // The session the request came with has ended.
    expect(await redirectOf(updateWatchlistVisibility(null, form({})))).toBe(
      '/signin?callbackUrl=%2Fsettings',
    )
  })
})

describe('deleting the account', () => {
  it('asks for the password of an account that has one', async () => {
    const member = await newMember()
    await signInAs(member)
    expect(await deleteAccount(null, form({}))).toEqual({
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { password: [messages.passwordMissing] },
      values: {},
    })
    expect(
      await deleteAccount(null, form({ password: 'wrong horse', username: member.username })),
    ).toEqual({
      // prettier-ignore
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { password: [accountMessages.passwordWrong] },
      values: { username: member.username },
    })
    expect(await accountOf(member)).toBeDefined()
  })

  it('deletes an account with its password, refreshing the pages of the films it rated and its diary', async () => {
    const member = await newMember()
    await db.insert(ratings).values({ userId: member.id, filmId: liberation!.id, score: 8, ratedAt: new Date() }) // prettier-ignore
    await signInAs(member)
    expect(await redirectOf(deleteAccount(null, form({ password: PASSWORD })))).toMatch(
      /\/account-deleted$/,
    )
    expect(await accountOf(member)).toBeUndefined()
    expect(await db.$count(ratings, eq(ratings.userId, member.id))).toBe(0)
    // Its name may be taken again: the diary cached under it goes too.
    expect(revalidatedPaths()).toEqual([
      '/films/liberation',
      '/diary',
      `/u/${member.username}/diary`,
    ])
  })

  it('asks an account without a password to type its username exactly', async () => {
    const member = await newProviderMember()
    await signInAs(member)
    for (const username of [undefined, '', member.username!.toUpperCase(), ` ${member.username}`]) {
      expect(await deleteAccount(null, form({ username }))).toEqual({
        ok: false,
        message: CHECK_FIELDS,
        fieldErrors: { username: [accountMessages.typeUsername] },
        values: username === undefined ? {} : { username },
      })
    }
    expect(await accountOf(member)).toBeDefined()
    expect(await redirectOf(deleteAccount(null, form({ username: member.username! })))).toMatch(
      /\/account-deleted$/,
    )
    expect(await accountOf(member)).toBeUndefined()
  })
})

describe('choosing a username after signing in through a provider', () => {
  it('validates it and says when it is taken, echoing what was typed', async () => {
    const taken = await newMember()
    const member = await newProviderMember(null)
    await signInAs(member)
    expect(await chooseUsernameAction(null, form({ username: 'Bad name' }))).toEqual({
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { username: [messages.usernameCharacters] },
      values: { username: 'Bad name' },
    })
    expect(
      await chooseUsernameAction(null, form({ username: taken.username.toUpperCase() })),
    ).toEqual({
      // prettier-ignore
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { username: [accountMessages.usernameTaken] },
      values: { username: taken.username.toUpperCase() },
    })
    expect((await accountOf(member))!.username).toBeNull()
    expect(refreshes()).toBe(0)
  })

  it('saves it, renders the header again and goes on to where the person was going', async () => {
    const member = await newProviderMember(null)
    await signInAs(member)
    const outcome = await outcomeOf(
      chooseUsernameAction(null, form({ username: ' New_Name ', callbackUrl: '/watchlist' })),
    )
    expect(outcome).toEqual({ redirectedTo: '/watchlist' })
    expect((await accountOf(member))!.username).toBe('new_name')
    expect(refreshes()).toBe(1)
  })
})
