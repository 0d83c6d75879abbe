import { availableParallelism } from 'node:os'
import { createGate } from './hash-gate'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password'

/**
 * Every scrypt the server runs (128 MiB and a few hundred ms of a core each) goes through these
 * gates, so that no kind of request can have more of them running than the machine has room for:
 *
 * - `all`: every hash and check, as many at once as there are cores but one (at least two).
 *   Checks for someone signing in (or confirming their password) are urgent: they go ahead of
 *   queued hashes, so a member's sign-in never waits behind a queue of new accounts.
 * - `newAccounts`: a sign-up's hash also passes this one first: one at a time, a few waiting,
 *   and beyond that `Busy` (the sign-up form says so, with Retry-After). A flood of sign-ups so
 *   holds at most one slot of `all`, never the core the pages are rendered on.
 *
 * Both refuse with `Busy` (lib/hash-gate.ts) when their queue is full.
 */
export const RETRY_WHEN_BUSY_SECONDS = 5

type Gates = { all: ReturnType<typeof createGate>; newAccounts: ReturnType<typeof createGate> }

// server.ts, the server actions and the Auth.js route may each load their own copy of this file;
// the gates live on the process so that the limits hold for all of them together.
const KEY = Symbol.for('kinofront.password-work')
const holder = globalThis as { [KEY]?: Gates }
const gates = (holder[KEY] ??= {
  all: createGate({
    concurrency: Math.max(2, availableParallelism() - 1),
    queue: 32,
    retryAfterSeconds: RETRY_WHEN_BUSY_SECONDS,
  }),
  newAccounts: createGate({ concurrency: 1, queue: 4, retryAfterSeconds: RETRY_WHEN_BUSY_SECONDS }),
})

/** Hashes a new account's password (queued behind other sign-ups and behind every sign-in). */
export const hashNewAccountPassword = (password: string) =>
  gates.newAccounts.run(() => gates.all.run(() => hashPassword(password)))

/** Hashes a member's new password (changing it in settings). */
export const hashChangedPassword = (password: string) => gates.all.run(() => hashPassword(password))

/** Checks a password for someone signing in or confirming it: ahead of any queued hash. */
export const checkPassword = (password: string, encoded: string) =>
  gates.all.run(() => verifyPassword(password, encoded), { urgent: true })

/** The same work for an email with no account (lib/password.ts `verifyAgainstDummy`). */
export const checkAgainstDummy = (password: string) =>
  gates.all.run(() => verifyAgainstDummy(password), { urgent: true })

/** While the sign-up queue is full; server.ts then answers sign-up form posts itself. */
export const newAccountsFull = () => gates.newAccounts.full
