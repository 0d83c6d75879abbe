import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Database } from '@/db/client'
import { signInAttempts } from '@/db/schema'
import {
  THROTTLE,
  checkConfirmAllowed,
  checkSignInAllowed,
  delayFor,
  recordConfirmAttempt,
  pruneSignInAttempts,
  recordSignInAttempt,
} from '@/db/sign-in-throttle'
import { formatRetryMessage } from '@/lib/rules/accounts'
import { createTestDatabase } from '../helpers/test-db'

const db = await createTestDatabase()

const T0 = Date.parse('2030-03-04T12:00:00.000Z')
/** A moment `minutes` after T0 (fractions allowed). */
const t = (minutes: number) => new Date(T0 + minutes * 60_000)

// Each test uses its own emails and addresses, so they do not see each other's attempts; by
// default an attempt comes from an address of its own email's.
const addressOf = (email: string) => `client-of-${email.trim().toLowerCase()}`

const record = (
  email: string,
  minutes: number,
  { clientAddress = addressOf(email), succeeded = false, on = db as Database } = {},
) => recordSignInAttempt({ email, clientAddress, succeeded, now: t(minutes) }, on)

const check = (email: string, when: number | Date, clientAddress = addressOf(email)) =>
  checkSignInAllowed(
    {
      email,
      clientAddress,
      now: typeof when === 'number' ? t(when) : when,
    },
    db,
  )

const rowsFor = async (email: string, on: Database = db) =>
  (await on.select({ n: count() }).from(signInAttempts).where(eq(signInAttempts.email, email)))[0]!
    .n

describe('per account and address', () => {
  it('allows 4 failures, then refuses until the 5th most recent failure leaves the window', async () => {
    const email = 'four@example.com'
    for (const m of [0, 1, 2, 3]) {
      expect(await check(email, m)).toEqual({ allowed: true, delayMs: 0 })
      await record(email, m)
    }
    expect(await check(email, 3.5)).toEqual({ allowed: true, delayMs: 0 })
    await record(email, 4)
    expect(await check(email, 4.5)).toEqual({
      allowed: false,
      reason: 'account-from-address',
      retryAt: t(0 + 15),
    })
  })

  it('takes the 5th most recent failure, not the oldest or newest, when there are more', async () => {
    // More than five can happen when attempts race between check and record.
    const email = 'raced@example.com'
    await record(email, -20) // outside the window
    for (const m of [0, 1, 2, 3, 4, 5]) await record(email, m)
    expect(await check(email, 6)).toMatchObject({ allowed: false, retryAt: t(1 + 15) })
  })

  it('is allowed again exactly when the window has passed, not a millisecond before', async () => {
    const email = 'exact@example.com'
    for (const m of [0, 2, 4, 6, 8]) await record(email, m)
    const refused = await check(email, 9)
    expect(refused).toMatchObject({ allowed: false, retryAt: t(15) })
    const retryAt = t(15)
    expect(await check(email, new Date(retryAt.getTime() - 1))).toMatchObject({ allowed: false })
    expect(await check(email, retryAt)).toEqual({ allowed: true, delayMs: 0 })
  })

  it('does not record refused attempts or move the back-off end while refusing', async () => {
    const email = 'patient@example.com'
    for (const m of [0, 1, 2, 3, 4]) await record(email, m)
    for (const m of [5, 7, 10, 14.99]) {
      expect(await check(email, m)).toEqual({
        allowed: false,
        reason: 'account-from-address',
        retryAt: t(15),
      })
    }
    expect(await rowsFor(email)).toBe(5)
    expect(await check(email, 15)).toEqual({ allowed: true, delayMs: 0 })
  })

  it('never locks an account: a persistent guesser gets 5 tries per window, forever', async () => {
    const email = 'persistent@example.com'
    const failures: number[] = []
    for (let m = 0; m < 180; m += 0.5) {
      const result = await check(email, m)
      if (!result.allowed) {
        expect(result.retryAt.getTime()).toBeGreaterThan(t(m).getTime())
        expect(result.retryAt.getTime()).toBeLessThanOrEqual(t(m).getTime() + THROTTLE.window)
        continue
      }
      await record(email, m)
      failures.push(m)
    }
    // Never more than five failures in any window, and five in every window: still throttled,
    // never shut out.
    for (const start of failures) {
      expect(failures.filter((m) => m >= start && m < start + 15).length).toBeLessThanOrEqual(5)
    }
    expect(failures).toHaveLength((180 / 15) * 5)
    // The last window's five failures were at 165 to 167; the right password works from 180.
    expect(await check(email, 177)).toEqual({
      allowed: false,
      reason: 'account-from-address',
      retryAt: t(180),
    })
    expect(await check(email, 180)).toEqual({ allowed: true, delayMs: 0 })
  })

  it('ignores failures older than the window, including one exactly at its edge', async () => {
    const email = 'old@example.com'
    for (const m of [-30, -20, -16]) await record(email, m)
    await record(email, 0) // exactly 15 minutes before the check
    for (const m of [1, 2, 3, 4]) await record(email, m)
    expect(await check(email, 15)).toEqual({ allowed: true, delayMs: 0 })
    await record(email, 14) // now five in the window that ends at 15
    expect(await check(email, 14.5)).toMatchObject({ allowed: false, retryAt: t(16) })
  })

  it('a success clears the account count', async () => {
    const email = 'typo@example.com'
    for (const m of [0, 1, 2, 3]) await record(email, m)
    await record(email, 4, { succeeded: true })
    for (const m of [5, 6, 7, 8]) {
      expect(await check(email, m)).toEqual({ allowed: true, delayMs: 0 })
      await record(email, m)
    }
    expect(await check(email, 8.5)).toEqual({ allowed: true, delayMs: 0 })
    await record(email, 9)
    // Refused again, by the failures after the success only.
    expect(await check(email, 9.5)).toMatchObject({ allowed: false, retryAt: t(5 + 15) })
  })

  it('counts the email as typed whether or not an account has it, ignoring case and spaces', async () => {
    for (const [i, email] of ['Nobody@Example.COM', ' nobody@example.com', 'NOBODY@example.com ']
      .concat(['nobody@EXAMPLE.com', 'nobody@example.com'])
      .entries()) {
      await record(email, i)
    }
    expect(await check('nobody@example.com', 5)).toMatchObject({
      allowed: false,
      reason: 'account-from-address',
    })
    expect(await rowsFor('nobody@example.com')).toBe(5)
    expect(await check('somebody@example.com', 5)).toEqual({ allowed: true, delayMs: 0 })
  })

  it('failures for an email from other addresses never refuse its owner: they slow it down', async () => {
    const email = 'spread@example.com'
    const owner = '198.51.100.7'
    // A stranger's guesses from many addresses, five from each: each address is refused...
    let failures = 0
    for (const host of [1, 2, 3, 4]) {
      for (const m of [0, 1, 2, 3, 4]) {
        await record(email, m + host / 10, { clientAddress: `203.0.113.${host}` })
        failures++
      }
      expect(await check(email, 5, `203.0.113.${host}`)).toMatchObject({
        allowed: false,
        reason: 'account-from-address',
      })
    }
    // ...but the owner's own address is not, only made to wait.
    const ownerCheck = await check(email, 5, owner)
    expect(ownerCheck).toEqual({ allowed: true, delayMs: delayFor(failures) })
    expect(delayFor(failures)).toBeGreaterThan(0)
    // The owner signing in clears the account's delay.
    await record(email, 5, { clientAddress: owner, succeeded: true })
    expect(await check(email, 6, owner)).toEqual({ allowed: true, delayMs: 0 })
  })
})

describe('per-account delay', () => {
  it('starts after `delayAfter` failures, doubles with each, and stops at `maxDelay`', () => {
    expect(delayFor(THROTTLE.delayAfter - 1)).toBe(0)
    expect(delayFor(THROTTLE.delayAfter)).toBe(THROTTLE.delayStep)
    expect(delayFor(THROTTLE.delayAfter + 1)).toBe(THROTTLE.delayStep * 2)
    expect(delayFor(THROTTLE.delayAfter + 3)).toBe(THROTTLE.delayStep * 8)
    expect(delayFor(THROTTLE.delayAfter + 100)).toBe(THROTTLE.maxDelay)
  })
})

describe('per-address throttle', () => {
  const LIMIT = THROTTLE.perAddress
  /** `n` failures from one address, each for an email of its own, a second apart from `from`. */
  const spray = async (clientAddress: string, from: number, n: number, prefix: string) => {
    for (let i = 0; i < n; i++)
      await record(`${prefix}${i}@example.com`, from + i / 60, { clientAddress })
  }

  it(`refuses the address after ${THROTTLE.perAddress} failures over any emails, but not another address`, async () => {
    const address = '192.0.2.20'
    await spray(address, 0, LIMIT - 1, 'spray-a')
    expect(await check('spray-a-next@example.com', 5, address)).toEqual({
      allowed: true,
      delayMs: 0,
    })
    await spray(address, 5, 1, 'spray-a-last')
    expect(await check('spray-a-next@example.com', 6, address)).toEqual({
      allowed: false,
      reason: 'address',
      retryAt: t(0 + 15), // the LIMIT-th most recent failure from the address, plus the window
    })
    expect(await check('spray-a-next@example.com', 6, '192.0.2.21')).toEqual({
      allowed: true,
      delayMs: 0,
    })
    expect(await check('spray-a-next@example.com', 15, address)).toEqual({
      allowed: true,
      delayMs: 0,
    })
  })

  it('a success does not clear the address count, even for the email that failed', async () => {
    const address = '192.0.2.30'
    for (const m of [0, 0.5, 1]) await record('mine@example.com', m, { clientAddress: address })
    await spray(address, 2, LIMIT - 4, 'spray-b') // LIMIT - 1 failures from the address
    await record('mine@example.com', 7, { clientAddress: address, succeeded: true })
    expect(await check('other@example.com', 8, address)).toEqual({ allowed: true, delayMs: 0 })
    await record('another@example.com', 8, { clientAddress: address }) // the LIMIT-th
    expect(await check('other@example.com', 9, address)).toEqual({
      allowed: false,
      reason: 'address',
      retryAt: t(0 + 15),
    })
  })

  it('gives the later end when both the pair and the address are throttled', async () => {
    // The pair's 5th most recent failure is at 1; the address's LIMIT-th most recent at 0.
    const address = '192.0.2.40'
    await spray(address, 0, LIMIT - 5, 'spray-c')
    for (const m of [1, 4, 5, 6, 7]) await record('both@example.com', m, { clientAddress: address })
    expect(await check('both@example.com', 8, address)).toEqual({
      allowed: false,
      reason: 'account-from-address',
      retryAt: t(1 + 15),
    })

    // The address's LIMIT-th most recent failure is at 3; the pair's 5th most recent at 2.
    const address2 = '192.0.2.41'
    for (const m of [2, 2.5, 2.6, 2.7, 2.8]) {
      await record('both2@example.com', m, { clientAddress: address2 })
    }
    await spray(address2, 3, LIMIT, 'spray-d')
    expect(await check('both2@example.com', 9, address2)).toEqual({
      allowed: false,
      reason: 'address',
      retryAt: t(3 + 15),
    })
  })
})

describe('password confirmation in settings', () => {
  const confirm = (memberId: string, minutes: number, succeeded = false) =>
    recordConfirmAttempt({ memberId, clientAddress: '192.0.2.77', succeeded, now: t(minutes) }, db)

  it(`has a limit of its own: ${THROTTLE.perMemberConfirm} failures per member`, async () => {
    for (let i = 0; i < THROTTLE.perMemberConfirm - 1; i++) await confirm('member-a', i)
    expect(await checkConfirmAllowed({ memberId: 'member-a', now: t(5) }, db)).toEqual({
      allowed: true,
      delayMs: 0,
    })
    await confirm('member-a', 5)
    expect(await checkConfirmAllowed({ memberId: 'member-a', now: t(6) }, db)).toEqual({
      allowed: false,
      reason: 'confirm',
      retryAt: t(15),
    })
    expect(await checkConfirmAllowed({ memberId: 'member-b', now: t(6) }, db)).toEqual({
      allowed: true,
      delayMs: 0,
    })
  })

  it('neither counts against nor is stopped by sign-in failures from the same address', async () => {
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      await record(`stranger${i}@example.com`, i / 60, { clientAddress: '192.0.2.78' })
    }
    await recordConfirmAttempt(
      { memberId: 'member-c', clientAddress: '192.0.2.78', succeeded: false, now: t(3) },
      db,
    )
    expect(await checkConfirmAllowed({ memberId: 'member-c', now: t(4) }, db)).toEqual({
      allowed: true,
      delayMs: 0,
    })
    // And confirmation failures do not fill up an address's sign-in limit.
    for (let i = 0; i < 10; i++) await confirm('member-d', i / 10)
    expect(await check('someone@example.com', 2, '192.0.2.77')).toEqual({
      allowed: true,
      delayMs: 0,
    })
  })
})

describe('pruning', () => {
  it('removes attempts older than the window when an attempt is recorded', async () => {
    const own = await createTestDatabase()
    for (const m of [0, 1, 2]) await record('prune@example.com', m, { on: own })
    await record('prune@example.com', 3, { on: own, succeeded: true })
    await record('keep@example.com', 10, { on: own })
    expect(await rowsFor('prune@example.com', own)).toBe(4)
    // At 17.5, attempts at or before 2.5 have left the window.
    await record('new@example.com', 17.5, { on: own })
    expect(await rowsFor('prune@example.com', own)).toBe(1)
    expect(await rowsFor('keep@example.com', own)).toBe(1)
    expect(await rowsFor('new@example.com', own)).toBe(1)
  })

  it('looks only at a batch of the oldest rows at a time', async () => {
    const own = await createTestDatabase()
    await own.insert(signInAttempts).values(
      [-50, -49, -48, -47, -46, -45, -44, -43, -42, -41, -5].map((m) => ({
        email: 'batch@example.com',
        clientAddress: '198.51.100.1',
        succeeded: false,
        attemptedAt: t(m),
      })),
    )
    const prune = () => pruneSignInAttempts({ now: t(0), batch: 3 }, own)
    expect([await prune(), await prune(), await prune(), await prune(), await prune()]).toEqual([
      3, 3, 3, 1, 0,
    ])
    expect(await rowsFor('batch@example.com', own)).toBe(1)
  })
})

describe('formatRetryMessage', () => {
  const at = (iso: string) => new Date(iso)

  it('says how many minutes, rounded up, and the UTC clock time', () => {
    expect(formatRetryMessage(at('2030-03-04T14:32:00Z'), at('2030-03-04T14:20:00Z'))).toBe(
      'Too many sign-in attempts. Try again in 12 minutes (at 14:32 UTC).',
    )
    expect(formatRetryMessage(at('2030-03-04T14:31:01Z'), at('2030-03-04T14:20:00Z'))).toBe(
      'Too many sign-in attempts. Try again in 12 minutes (at 14:32 UTC).',
    )
  })

  it('rounds the clock time up, so trying then always works, and pads it', () => {
    expect(formatRetryMessage(at('2030-03-04T09:04:00.001Z'), at('2030-03-04T09:00:00Z'))).toBe(
      'Too many sign-in attempts. Try again in 5 minutes (at 09:05 UTC).',
    )
    expect(formatRetryMessage(at('2030-03-04T23:59:30Z'), at('2030-03-04T23:50:00Z'))).toBe(
      'Too many sign-in attempts. Try again in 10 minutes (at 00:00 UTC).',
    )
  })

  it('says at least 1 minute, in the singular', () => {
    expect(formatRetryMessage(at('2030-03-04T14:20:30Z'), at('2030-03-04T14:20:00Z'))).toBe(
      'Too many sign-in attempts. Try again in 1 minute (at 14:21 UTC).',
    )
    expect(formatRetryMessage(at('2030-03-04T14:20:00Z'), at('2030-03-04T14:20:00Z'))).toBe(
      'Too many sign-in attempts. Try again in 1 minute (at 14:21 UTC).',
    )
  })
})
