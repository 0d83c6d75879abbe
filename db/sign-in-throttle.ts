import 'server-only'
import { and, desc, eq, gt, lt, max, sql } from 'drizzle-orm'
import type { Executor } from './executor'
import { signInAttempts } from './schema'

/**
 * Sign-in throttling, kept in the database so it survives restarts and holds across server
 * processes.
 *
 * The rule is a sliding window: at most `perAccount` failed attempts for one email, and at most
 * `perClient` from one client address, in any `window`. Once a limit is reached, attempts are
 * refused — even with the right password — until enough of the counted failures have aged out of
 * the window to bring the count below the limit. That moment is fixed when the refusal starts:
 * refused attempts are never recorded (the caller does not call `recordSignInAttempt` for them),
 * so nothing new enters the window and the back-off always ends, at most `window` after the
 * failure that reached the limit. No account is ever locked permanently.
 */
export const THROTTLE = { window: 15 * 60_000, perAccount: 5, perClient: 20 }

export type SignInCheck =
  { allowed: true } | { allowed: false; retryAt: Date; reason: 'account' | 'client' }

type Attempt = { email: string; clientAddress: string; now: Date }

/** The key attempts are counted under, so `Ann@Example.com ` and `ann@example.com` are one. */
function throttleKey(email: string) {
  return email.trim().toLowerCase()
}

function windowStart(now: Date) {
  return new Date(now.getTime() - THROTTLE.window)
}

/**
 * Whether a sign-in attempt may go ahead. Call before checking the password, and when refused,
 * do not check it and do not record the attempt.
 *
 * An account's failures count whether or not an account has that email, so probing unknown
 * emails is throttled the same way and reveals nothing. A success ends the account's count: only
 * failures after the latest success (within the window) count for it. A client address counts
 * every failure from it in the window, successes notwithstanding.
 */
export async function checkSignInAllowed(
  { email, clientAddress, now }: Attempt,
  db: Executor,
): Promise<SignInCheck> {
  const key = throttleKey(email)
  const since = windowStart(now)

  // The latest success for this email within the window; failures before it do not count for
  // the account. (Outside the window it makes no difference: nor do the failures before it.)
  const lastSuccess = db
    .select({ at: max(signInAttempts.attemptedAt) })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, key),
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.attemptedAt, since),
      ),
    )

  // With `limit` or more counted failures, the back-off ends when the limit-th most recent of
  // them leaves the window: from then on fewer than `limit` remain. So fetch just that one row
  // (the index on (email|client_address, attempted_at) serves both the filter and the order);
  // no row means fewer than `limit` failures, i.e. allowed.
  const [accountRows, clientRows] = await Promise.all([
    db
      .select({ at: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.email, key),
          eq(signInAttempts.succeeded, false),
          gt(signInAttempts.attemptedAt, since),
          gt(signInAttempts.attemptedAt, sql`coalesce((${lastSuccess}), 0)`),
        ),
      )
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(1)
      .offset(THROTTLE.perAccount - 1),
    db
      .select({ at: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.clientAddress, clientAddress),
          eq(signInAttempts.succeeded, false),
          gt(signInAttempts.attemptedAt, since),
        ),
      )
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(1)
      .offset(THROTTLE.perClient - 1),
  ])

  // When both apply, the later one is when an attempt will next be allowed.
  const refusals = [
    { reason: 'account' as const, row: accountRows[0] },
    { reason: 'client' as const, row: clientRows[0] },
  ].flatMap(({ reason, row }) =>
    row ? [{ reason, retryAt: new Date(row.at.getTime() + THROTTLE.window) }] : [],
  )
  const latest = refusals.reduce<(typeof refusals)[number] | null>(
    (later, r) => (later === null || r.retryAt > later.retryAt ? r : later),
    null,
  )
  return latest === null ? { allowed: true } : { allowed: false, ...latest }
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
 * Records an attempt that was allowed and then failed or succeeded, and prunes old attempts.
 * A success clears the account's count (see `checkSignInAllowed`) but not the client's.
 */
export async function recordSignInAttempt(
  { email, clientAddress, succeeded, now }: Attempt & { succeeded: boolean },
  db: Executor,
): Promise<void> {
  // Two independent statements, not a transaction: an interactive transaction on the embedded
  // database holds the write lock across awaits, and other writers then wait synchronously.
  await db
    .insert(signInAttempts)
    .values({ email: throttleKey(email), clientAddress, succeeded, attemptedAt: now })
  await pruneSignInAttempts({ now }, db)
}
