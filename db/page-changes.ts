import 'server-only'
import { asc, gt, lt, max } from 'drizzle-orm'
import { getDb, type Database } from './client'
import type { Executor } from './executor'
import { pageChanges } from './schema'

export type PageChange = { id: number; path: string }

/** Notes that the pages at `paths` are stale, for every server polling the change log. */
export async function recordPageChanges(paths: readonly string[], db: Executor = getDb()) {
  if (paths.length === 0) return
  const changedAt = new Date()
  await db.insert(pageChanges).values(paths.map((path) => ({ path, changedAt })))
}

/** The id of the newest change, or 0: a server starting now has nothing older to apply. */
export async function latestPageChangeId(db: Database = getDb()): Promise<number> {
  const [row] = await db.select({ id: max(pageChanges.id) }).from(pageChanges)
  return row?.id ?? 0
}

/** Changes recorded after the one with id `afterId`, oldest first. */
export async function pageChangesAfter(
  afterId: number,
  { limit = 500 } = {},
  db: Database = getDb(),
): Promise<PageChange[]> {
  return db
    .select({ id: pageChanges.id, path: pageChanges.path })
    .from(pageChanges)
    .where(gt(pageChanges.id, afterId))
    .orderBy(asc(pageChanges.id))
    .limit(limit)
}

/** Forgets changes older than `before`: every running server has applied them long since. */
export async function prunePageChanges(before: Date, db: Database = getDb()) {
  await db.delete(pageChanges).where(lt(pageChanges.changedAt, before))
}
