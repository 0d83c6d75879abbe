import 'server-only'
import { randomUUID } from 'node:crypto'
import type { Database } from './client'

// Outside the migrations on purpose: it guards them, so it must exist before the first one runs.
const CREATE_LOCK_TABLE = `create table if not exists kinofront_locks (
  name text primary key,
  holder text not null,
  expires_at integer not null
)`

const HOLD_MS = 30_000
const RENEW_MS = 5_000
const RETRY_MS = 100

/**
 * Runs `work` while this process alone holds the lock `name` in the database, so that several
 * processes starting at once on one database (instances of a deploy, the importer) migrate and
 * seed it once, one after the other. The lock is renewed while `work` runs; a holder that died
 * loses it HOLD_MS after its last renewal.
 */
export async function withDatabaseLock<T>(name: string, db: Database, work: () => Promise<T>) {
  const holder = randomUUID()
  for (let tries = 0; !(await tryToTake(name, holder, db)); tries++) {
    if (tries % 100 === 0) console.log(`Waiting for another process to finish "${name}"…`)
    await sleep(RETRY_MS)
  }
  const renewal = setInterval(() => {
    db.$client
      .execute({
        sql: 'update kinofront_locks set expires_at = ? where name = ? and holder = ?',
        args: [Date.now() + HOLD_MS, name, holder],
      })
      .catch(() => {}) // the next renewal tries again
  }, RENEW_MS)
  try {
    return await work()
  } finally {
    clearInterval(renewal)
    await db.$client.execute({
      sql: 'delete from kinofront_locks where name = ? and holder = ?',
      args: [name, holder],
    })
  }
}

async function tryToTake(name: string, holder: string, db: Database): Promise<boolean> {
  try {
    const now = Date.now()
    // While the lock is held, waiters only read: a write every 100 ms from each of them would
    // compete with the holder's migrations for the database file's write lock.
    if (await heldByAnother(name, now, db)) return false
    await db.$client.execute(CREATE_LOCK_TABLE)
    await db.$client.execute({
      sql: `insert into kinofront_locks (name, holder, expires_at) values (?, ?, ?)
            on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
            where kinofront_locks.expires_at < ?`,
      args: [name, holder, now + HOLD_MS, now],
    })
    const { rows } = await db.$client.execute({
      sql: 'select holder from kinofront_locks where name = ?',
      args: [name],
    })
    return rows[0]?.holder === holder
  } catch (error) {
    // Another process is writing to a database file (SQLITE_BUSY): try again shortly.
    if (/SQLITE_BUSY|database is locked/i.test(String((error as Error).message))) return false
    throw error
  }
}

async function heldByAnother(name: string, now: number, db: Database): Promise<boolean> {
  try {
    const { rows } = await db.$client.execute({
      sql: 'select expires_at from kinofront_locks where name = ?',
      args: [name],
    })
    return rows.length > 0 && Number(rows[0]!.expires_at) >= now
  } catch (error) {
    if (/no such table/i.test(String((error as Error).message))) return false
    throw error
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
