import 'server-only'
import { and, count, desc, eq, gt, lt, max, sql, type SQL } from 'drizzle-orm'
import type { Executor } from './executor'
import { signInAttempts } from './schema'

/**
 * Sign-in throttling, kept in the database so it survives restarts and holds across server
 * processes. Designed so that strangers cannot lock a member out:
 *
 * - `perAccountAndAddress` failures for one email from one client address (since that address's
 *   last success for it) refuse further tries for that email *from that address* only. Failures
 *   sent from elsewhere never refuse the owner signing in from theirs.
 * - `perAddress` failures from one address, over every email, refuse that address: one machine
 *   cannot spray guesses across the site. It is generous, so that a shared address (an office, a
 *   school) is not refused for a few typos; behind a reverse proxy, TRUST_PROXY must be on, or
 *   every visitor shares the proxy's address (server.ts warns when that looks to be the case).
 * - Past `delayAfter` failures for one email from anywhere (since its last success), each try
 *   for it waits before the password is checked, twice as long with each failure, up to
 *   `maxDelay`: guessing from many addresses slows down, and the owner still gets in.
 *
 * Refused attempts are never recorded (the caller does not call `recordSignInAttempt` for them),
 * so nothing new enters the window and every refusal ends, at most `window` after the failure
 * that reached the limit. No account is ever locked.
 *
 * A signed-in member re-entering their password in settings has a limit of its own,
 * `perMemberConfirm`, counted by member, not by email or address (`checkConfirmAllowed`).
 */
export const THROTTLE = {
  window: 15 * 60_000,
  perAccountAndAddress: 5,
  perAddress: 100,
  delayAfter: 10,
  delayStep: 250,
  maxDelay: 8_000,
  perMemberConfirm: 5,
  /** Sign-ups from one address that pass the cheap checks (and go on to hashing), per window. */
  signUpsPerAddress: 10,
}

export type ThrottleCheck =
  | { allowed: true; delayMs: number }
  | {
      allowed: false
      retryAt: Date
      reason: 'account-from-address' | 'address' | 'confirm' | 'sign-up'
    }

type Attempt = { email: string; clientAddress: string; now: Date }

/** The key attempts are counted under, so `Ann@Example.com ` and `ann@example.com` are one. */
function throttleKey(email: string) {
  return email.trim().toLowerCase()
}

/** Confirmations are counted under the member's id, in a namespace no email can enter. */
const confirmKey = (memberId: string) => `member:${memberId}`

function windowStart(now: Date) {
  return new Date(now.getTime() - THROTTLE.window)
}

const failed = (now: Date) =>
  and(eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, windowStart(now)))

/** The latest success matching `where` in the window (a subquery); failures before it do not count. */
const afterLastSuccess = (db: Executor, now: Date, where: SQL | undefined) =>
  gt(
    signInAttempts.attemptedAt,
    sql`coalesce((${db
      .select({ at: max(signInAttempts.attemptedAt) })
      .from(signInAttempts)
      .where(
        and(
          where,
          eq(signInAttempts.succeeded, true),
          gt(signInAttempts.attemptedAt, windowStart(now)),
        ),
      )}), 0)`,
  )

/**
 * When a limit of `limit` failures matching `where` stops refusing: when the limit-th most
 * recent of them leaves the window (from then on fewer than `limit` remain). Null when there are
 * fewer than `limit`. The indexes on (email|client_address, attempted_at) serve filter and order.
 */
async function refusedUntil(db: Executor, where: SQL | undefined, limit: number) {
  const [row] = await db
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(where)
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(1)
    .offset(limit - 1)
  return row ? new Date(row.at.getTime() + THROTTLE.window) : null
}

/** How long a try for an account with `failures` recent failures waits before its check. */
export function delayFor(failures: number): number {
  if (failures < THROTTLE.delayAfter) return 0
  return Math.min(THROTTLE.delayStep * 2 ** (failures - THROTTLE.delayAfter), THROTTLE.maxDelay)
}

/**
 * Whether a sign-in attempt may go ahead, and how long it must wait first. Call before checking
 * the password; when refused, do not check it and do not record the attempt.
 *
 * An email's failures count whether or not an account has it, so probing unknown emails is
 * throttled the same way and reveals nothing.
 */
export async function checkSignInAllowed(
  { email, clientAddress, now }: Attempt,
  db: Executor,
): Promise<ThrottleCheck> {
  const key = throttleKey(email)
  const signIn = eq(signInAttempts.purpose, 'sign-in')
  const ofAccount = and(signIn, eq(signInAttempts.email, key))
  const ofPair = and(ofAccount, eq(signInAttempts.clientAddress, clientAddress))
  const ofAddress = and(signIn, eq(signInAttempts.clientAddress, clientAddress))

  const [pairUntil, addressUntil, [accountFailures]] = await Promise.all([
    refusedUntil(
      db,
      and(ofPair, failed(now), afterLastSuccess(db, now, ofPair)),
      THROTTLE.perAccountAndAddress,
    ),
    refusedUntil(db, and(ofAddress, failed(now)), THROTTLE.perAddress),
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(ofAccount, failed(now), afterLastSuccess(db, now, ofAccount))),
  ])

  // When both apply, the later one is when an attempt will next be allowed.
  const refusals = [
    { reason: 'account-from-address' as const, retryAt: pairUntil },
    { reason: 'address' as const, retryAt: addressUntil },
  ].flatMap(({ reason, retryAt }) => (retryAt ? [{ reason, retryAt }] : []))
  const latest = refusals.reduce<(typeof refusals)[number] | null>(
    (later, r) => (later === null || r.retryAt > later.retryAt ? r : later),
    null,
  )
  if (latest) return { allowed: false, ...latest }
  return { allowed: true, delayMs: delayFor(accountFailures?.n ?? 0) }
}

/** Whether a signed-in member may re-enter their password (in settings) now. */
export async function checkConfirmAllowed(
  { memberId, now }: { memberId: string; now: Date },
  db: Executor,
): Promise<ThrottleCheck> {
  const ofMember = and(
    eq(signInAttempts.purpose, 'confirm'),
    eq(signInAttempts.email, confirmKey(memberId)),
  )
  const retryAt = await refusedUntil(
    db,
    and(ofMember, failed(now), afterLastSuccess(db, now, ofMember)),
    THROTTLE.perMemberConfirm,
  )
  return retryAt ? { allowed: false, reason: 'confirm', retryAt } : { allowed: true, delayMs: 0 }
}

/** Whether another account may be created from this address now. */
export async function checkSignUpAllowed(
  { clientAddress, now }: { clientAddress: string; now: Date },
  db: Executor,
): Promise<ThrottleCheck> {
  const retryAt = await refusedUntil(
    db,
    and(
      eq(signInAttempts.purpose, 'sign-up'),
      eq(signInAttempts.clientAddress, clientAddress),
      gt(signInAttempts.attemptedAt, windowStart(now)),
    ),
    THROTTLE.signUpsPerAddress,
  )
  return retryAt ? { allowed: false, reason: 'sign-up', retryAt } : { allowed: true, delayMs: 0 }
}

/** Records a sign-up that passed the cheap checks, whether or not it then succeeded. */
export async function recordSignUp(
  { email, clientAddress, now }: { email: string; clientAddress: string; now: Date },
  db: Executor,
): Promise<void> {
  await record(
    { key: throttleKey(email), clientAddress, succeeded: true, now, purpose: 'sign-up' },
    db,
  )
}

/** How many of the oldest rows one prune looks at; see `pruneSignInAttempts`. */
const PRUNE_BATCH = 100

/**
 * Deletes attempts that have left the window, looking only at the `batch` oldest rows (by id,
 * which follows insertion order and so, but for clock skew between processes, time order).
 * That keeps each prune cheap — there is no index on attempted_at alone — and, run on every
 * recorded attempt, it removes old rows faster than they are added, so the table stays about
 * one window's worth of attempts. Returns how many rows it deleted.
 */
export async function pruneSignInAttempts(
  { now, batch = PRUNE_BATCH }: { now: Date; batch?: number },
  db: Executor,
): Promise<number> {
  const oldest = db
    .select({ id: signInAttempts.id, attemptedAt: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .orderBy(signInAttempts.id)
    .limit(batch)
    .as('oldest')
  const result = await db
    .delete(signInAttempts)
    .where(
      sql`${signInAttempts.id} in (select ${oldest.id} from ${oldest} where ${lt(oldest.attemptedAt, windowStart(now))})`,
    )
  return result.rowsAffected
}

/**
 * Records a sign-in attempt that was allowed and then failed or succeeded, and prunes old
 * attempts. A success clears the counts for its email (see `checkSignInAllowed`), not the
 * address's.
 */
export async function recordSignInAttempt(
  { email, clientAddress, succeeded, now }: Attempt & { succeeded: boolean },
  db: Executor,
): Promise<void> {
  await record({ key: throttleKey(email), clientAddress, succeeded, now, purpose: 'sign-in' }, db)
}

/** Records a member's password confirmation in settings: it counts only against their own limit. */
export async function recordConfirmAttempt(
  {
    memberId,
    clientAddress,
    succeeded,
    now,
  }: {
    memberId: string
    clientAddress: string
    succeeded: boolean
    now: Date
  },
  db: Executor,
): Promise<void> {
  await record({ key: confirmKey(memberId), clientAddress, succeeded, now, purpose: 'confirm' }, db)
}

async function record(
  {
    key,
    clientAddress,
    succeeded,
    now,
    purpose,
  }: {
    key: string
    clientAddress: string
    succeeded: boolean
    now: Date
    purpose: 'sign-in' | 'confirm' | 'sign-up'
  },
  db: Executor,
) {
  // Two independent statements, not a transaction: an interactive transaction on the embedded
  // database holds the write lock across awaits, and other writers then wait synchronously.
  await db
    .insert(signInAttempts)
    .values({ email: key, clientAddress, succeeded, attemptedAt: now, purpose })
  await pruneSignInAttempts({ now }, db)
}
