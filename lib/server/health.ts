import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Database } from '@/db/client'
import { MIGRATIONS_FOLDER } from '@/db/prepare'
import { redis } from '@/lib/cache/redis'
import { databaseFileLost } from './database-file'

const MIGRATIONS = (
  JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[]
  }
).entries.length

/** Why this process should not be sent requests now, or null when it is ready. */
export async function unreadyBecause(db: Database, { stopping }: { stopping: boolean }) {
  if (stopping) return 'stopping'
  const lost = databaseFileLost()
  if (lost) return lost
  try {
    const { rows } = await db.$client.execute('select count(*) as n from __drizzle_migrations')
    const applied = Number(rows[0]?.n)
    if (applied < MIGRATIONS) return `database has ${applied} of ${MIGRATIONS} migrations`
  } catch (error) {
    return `database unreachable: ${(error as Error).message}`
  }
  const client = redis()
  if (client) {
    if (!client.isReady) return 'redis unreachable'
    try {
      await client.ping()
    } catch (error) {
      return `redis unreachable: ${(error as Error).message}`
    }
  }
  return null
}

/**
 * Answers `/healthz` (the process answers) and `/readyz` (its database, with every migration, and
 * Redis when configured, answer; 503 while it shuts down), never cached; false for other paths.
 */
export async function answerHealth(
  req: IncomingMessage,
  res: ServerResponse,
  { db, stopping }: { db: Database; stopping: () => boolean },
): Promise<boolean> {
  const path = req.url?.split('?')[0]
  if (path !== '/healthz' && path !== '/readyz') return false
  const problem = path === '/readyz' ? await unreadyBecause(db, { stopping: stopping() }) : null
  res.writeHead(problem ? 503 : 200, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(problem ? `not ready: ${problem}\n` : 'ok\n')
  return true
}
