import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { getDb, type Database } from './client'
import { films, memberSessions, ratings, users } from './schema'

/** The signed-in person, as the session names them. Functions that touch their data take it. */
export type Viewer = { id: string }

export type Credentials = {
  id: string
  username: string | null
  passwordHash: string | null
  sessionVersion: number
}

/** What sign-in needs to check a password. Never leaves the server. */
export async function findCredentialsByEmail(
  email: string,
  db: Database = getDb(),
): Promise<Credentials | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email))
  return row ?? null
}

export async function findCredentialsById(viewer: Viewer, db: Database = getDb()) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, viewer.id))
  return row ?? null
}

/** Checked on every request that carries a session, so it is one primary-key read. */
export async function sessionStateOf(userId: string, db: Database = getDb()) {
  const [row] = await db
    .select({ username: users.username, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId))
  return row ?? null
}

export type Taken = 'username' | 'email'

export async function whichTaken(
  { username, email }: { username?: string; email?: string },
  db: Database = getDb(),
): Promise<Taken[]> {
  const taken: Taken[] = []
  if (username !== undefined) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username))
    if (row) taken.push('username')
  }
  if (email !== undefined) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
    if (row) taken.push('email')
  }
  return taken
}

/** Creates an account; reports which unique field was taken instead when another got there first. */
export async function createUserWithPassword(
  values: { username: string; email: string; passwordHash: string },
  db: Database = getDb(),
): Promise<{ ok: true; id: string } | { ok: false; taken: Taken[] }> {
  const taken = await whichTaken(values, db)
  if (taken.length > 0) return { ok: false, taken }
  try {
    const [row] = await db.insert(users).values(values).returning({ id: users.id })
    return { ok: true, id: row!.id }
  } catch (error) {
    const raced = await whichTaken(values, db)
    if (raced.length > 0) return { ok: false, taken: raced }
    throw error
  }
}

/** Sets a new password and ends every session issued before now; returns the new version. */
export async function replacePassword(
  viewer: Viewer,
  passwordHash: string,
  db: Database = getDb(),
) {
  const [[row]] = await db.batch([
    db
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, viewer.id))
      .returning({ sessionVersion: users.sessionVersion }),
    db.delete(memberSessions).where(eq(memberSessions.userId, viewer.id)),
  ])
  return row?.sessionVersion ?? null
}

/**
 * Gives an account made through a provider its username, once: an account that has one keeps
 * it (renaming would free the old name, and its list URLs, for someone else to claim).
 */
export async function chooseUsername(
  viewer: Viewer,
  username: string,
  db: Database = getDb(),
): Promise<'chosen' | 'taken' | 'already-set'> {
  if ((await whichTaken({ username }, db)).length > 0) return 'taken'
  try {
    const [row] = await db
      .update(users)
      .set({ username })
      .where(and(eq(users.id, viewer.id), isNull(users.username)))
      .returning({ id: users.id })
    return row ? 'chosen' : 'already-set'
  } catch (error) {
    if ((await whichTaken({ username }, db)).length > 0) return 'taken'
    throw error
  }
}

/**
 * Deletes the account and, by the schema's cascades, everything it owns. Returns the slugs of the
 * films it had rated, whose rating summaries have just changed.
 */
export async function deleteUser(viewer: Viewer, db: Database = getDb()): Promise<string[]> {
  const [rated] = await db.batch([
    db
      .select({ slug: films.slug })
      .from(ratings)
      .innerJoin(films, eq(films.id, ratings.filmId))
      .where(eq(ratings.userId, viewer.id)),
    db.delete(users).where(eq(users.id, viewer.id)),
  ])
  return rated.map((film) => film.slug)
}

export async function usernameOf(viewer: Viewer, db: Database = getDb()) {
  const [row] = await db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.id, viewer.id))
  return row?.username ?? null
}

export type PublicProfile = { username: string; memberSince: Date }

/** What anyone may see of a person. */
export async function findPublicProfile(username: string, db: Database = getDb()) {
  const [row] = await db
    .select({ username: users.username, memberSince: users.createdAt })
    .from(users)
    .where(eq(users.username, username))
  return row?.username
    ? ({ username: row.username, memberSince: row.memberSince } as PublicProfile)
    : null
}
