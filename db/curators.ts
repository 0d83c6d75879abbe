import 'server-only'
import { desc, eq } from 'drizzle-orm'
import { getDb, type Database } from './client'
import type { Executor } from './executor'
import { curatorChanges, curators, users, type CuratorChange } from './schema'
import type { Viewer } from './users'

/** A signed-in curator: who they are, for recording what they change. */
export type Curator = Viewer & { username: string }

/** The viewer as a curator, or null when they are not one (or have no username yet). */
export async function asCurator(
  viewer: Viewer | null,
  db: Database = getDb(),
): Promise<Curator | null> {
  if (!viewer) return null
  const [row] = await db
    .select({ username: users.username })
    .from(curators)
    .innerJoin(users, eq(users.id, curators.userId))
    .where(eq(curators.userId, viewer.id))
  return row?.username ? { id: viewer.id, username: row.username } : null
}

/** Grants or withdraws the curator role; false when nobody has that username. */
export async function setCuratorRole(
  username: string,
  role: 'curator' | 'member',
  db: Database = getDb(),
): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username))
  if (!user) return false
  if (role === 'curator') {
    await db
      .insert(curators)
      .values({ userId: user.id, grantedAt: new Date() })
      .onConflictDoNothing()
  } else {
    await db.delete(curators).where(eq(curators.userId, user.id))
  }
  return true
}

export type ChangeRecord = { kind: CuratorChange['kind']; listSlug: string; summary: string }

/** Records a curator's change; call it in the transaction that makes the change. */
export async function recordCuratorChange(curator: Curator, change: ChangeRecord, db: Executor) {
  await db.insert(curatorChanges).values({
    userId: curator.id,
    username: curator.username,
    at: new Date(),
    ...change,
  })
}

/** The most recent curator changes first. */
export async function curatorHistory(limit = 200, db: Database = getDb()) {
  return db
    .select({
      id: curatorChanges.id,
      username: curatorChanges.username,
      at: curatorChanges.at,
      kind: curatorChanges.kind,
      listSlug: curatorChanges.listSlug,
      summary: curatorChanges.summary,
    })
    .from(curatorChanges)
    .orderBy(desc(curatorChanges.at), desc(curatorChanges.id))
    .limit(limit)
}
