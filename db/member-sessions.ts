import 'server-only'
import { and, eq, lt, or, type Placeholder } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { memberSessions, users } from './schema'

/**
 * How long a session lasts. Idle: a week without a visit ends it, so a session left on a shared
 * or lost computer dies within days, while someone who comes back weekly stays signed in. Absolute:
 * 30 days after signing in it ends however active it is, so a stolen cookie is worth a month at
 * most; it is also the cookie's own lifetime (auth.ts). `touchEvery` is how stale `last_seen_at`
 * may get before a request moves it on: one write per session per hour rather than per request.
 */
export const SESSION_LIFETIME = {
  idle: 7 * 24 * 60 * 60_000,
  absolute: 30 * 24 * 60 * 60_000,
  touchEvery: 60 * 60_000,
}

export type LiveSession = { username: string | null; sessionVersion: number }

/** Starts a session for a member who has just signed in; returns its id, for the cookie. */
export async function startSession(
  userId: string,
  now: Date = new Date(),
  db: Database = getDb(),
): Promise<string> {
  const id = randomSessionId()
  await db.batch([
    // The member's sessions that have run out go when a new one starts: the table stays small.
    db
      .delete(memberSessions)
      .where(
        and(
          eq(memberSessions.userId, userId),
          or(
            lt(memberSessions.createdAt, new Date(now.getTime() - SESSION_LIFETIME.absolute)),
            lt(memberSessions.lastSeenAt, new Date(now.getTime() - SESSION_LIFETIME.idle)),
          ),
        ),
      ),
    db.insert(memberSessions).values({ id, userId, createdAt: now, lastSeenAt: now }),
  ])
  return id
}

/** What `liveSession` reads of a session, for a query that reads it beside other things. */
export const sessionColumns = {
  username: users.username,
  sessionVersion: users.sessionVersion,
  createdAt: memberSessions.createdAt,
  lastSeenAt: memberSessions.lastSeenAt,
}

export type SessionRow = {
  username: string | null
  sessionVersion: number
  createdAt: Date
  lastSeenAt: Date
}

/** The rows to read `sessionColumns` from: this session, if it is this member's. */
export const sessionRows = ({
  sessionId,
  userId,
}: {
  sessionId: string | Placeholder
  userId: string | Placeholder
}) => and(eq(memberSessions.id, sessionId), eq(memberSessions.userId, userId))

/**
 * The member behind a live session, or null once it has been ended, has run out or belongs to
 * someone else. Checked on every request that carries a session: one read by primary keys, and
 * a write at most once per `touchEvery`.
 */
export async function liveSession(
  session: { sessionId: string; userId: string },
  now: Date = new Date(),
  db: Database = getDb(),
): Promise<LiveSession | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(memberSessions)
    .innerJoin(users, eq(users.id, memberSessions.userId))
    .where(sessionRows(session))
  return settleSession(session.sessionId, row, now, db)
}

/**
 * Judges a session `row` read by `sessionRows` (undefined: there is none): ends it once it has
 * run out, moves `last_seen_at` on once per `touchEvery`, and says who is behind it if it lives.
 */
export async function settleSession(
  sessionId: string,
  row: SessionRow | undefined,
  now: Date = new Date(),
  db: Database = getDb(),
): Promise<LiveSession | null> {
  if (!row) return null
  const age = now.getTime() - row.createdAt.getTime()
  const idle = now.getTime() - row.lastSeenAt.getTime()
  if (age > SESSION_LIFETIME.absolute || idle > SESSION_LIFETIME.idle) {
    await endSession(sessionId, db)
    return null
  }
  if (idle > SESSION_LIFETIME.touchEvery) {
    await db.update(memberSessions).set({ lastSeenAt: now }).where(eq(memberSessions.id, sessionId))
  }
  return { username: row.username, sessionVersion: row.sessionVersion }
}

/** Signing out: this session only. */
export async function endSession(sessionId: string, db: Database = getDb()): Promise<void> {
  await db.delete(memberSessions).where(eq(memberSessions.id, sessionId))
}

/** "Sign out everywhere": ends every session of the member, this one included. */
export async function endEverySession(userId: string, db: Database = getDb()): Promise<void> {
  await db.delete(memberSessions).where(eq(memberSessions.userId, userId))
}

function randomSessionId() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')
}
