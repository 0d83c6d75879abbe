import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { LibsqlError } from '@libsql/client'
import { ConfigError, type DatabaseConfig } from '@/config'
import type { Database } from '@/db/client'

// What stops the server (or a database script) at start: a setting that is wrong, or a database
// that cannot be used. Each is one line naming the setting and the reason, with no stack trace,
// and the process exits with 1. Anything else is a bug and keeps its stack.

export class StartUpError extends Error {}

/** Runs the start-up steps; on a known problem prints its one line and exits with 1. */
export async function startUp<T>(steps: () => Promise<T>): Promise<T> {
  try {
    return await steps()
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof StartUpError)) throw error
    console.error(`Kinofront cannot start: ${error.message}`)
    process.exit(1)
  }
}

const ANSWER_WITHIN_MS = 10_000

/**
 * Creates an embedded database's folder, opens the database with `open` and reads from it, so that
 * a database that cannot be used is reported as such before anything else touches it.
 */
export async function checkDatabase(database: DatabaseConfig, open: () => Database) {
  if (database.filePath !== null) {
    const folder = dirname(database.filePath)
    try {
      mkdirSync(folder, { recursive: true })
    } catch (error) {
      throw new StartUpError(
        `DATABASE_URL: cannot create the folder ${folder} (${reasonOf(error)})`,
      )
    }
  }
  const where = database.filePath ?? withoutQuery(database.url)
  let db: Database
  try {
    db = open()
  } catch (error) {
    throw new StartUpError(`DATABASE_URL is not a valid database URL (${reasonOf(error)})`)
  }
  let timer: NodeJS.Timeout | undefined
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StartUpError(`DATABASE_URL: ${where} did not answer within 10 s`)),
      ANSWER_WITHIN_MS,
    )
  })
  try {
    await Promise.race([db.$client.execute('select count(*) from sqlite_master'), silence])
  } catch (error) {
    if (error instanceof StartUpError) throw error
    throw new StartUpError(`DATABASE_URL: ${databaseProblem(error, where)}`)
  } finally {
    clearTimeout(timer)
  }
}

function databaseProblem(error: unknown, where: string): string {
  const code = error instanceof LibsqlError ? error.code : undefined
  if (code === 'SQLITE_NOTADB') return `${where} is not a database file`
  if (code === 'SQLITE_CANTOPEN') return `${where} cannot be opened (${reasonOf(error)})`
  if (code === 'SQLITE_PERM' || code === 'SQLITE_READONLY') {
    return `${where} cannot be written (${reasonOf(error)})`
  }
  if (
    (error instanceof TypeError && error.message === 'fetch failed') ||
    code === 'HRANA_WEBSOCKET_ERROR'
  ) {
    return `cannot reach ${where} (${reasonOf(error)})`
  }
  return `${where} refused the connection (${reasonOf(error)})`
}

/** The innermost message (fetch and libSQL wrap the network's own), with its code when it has one. */
function reasonOf(error: unknown): string {
  let inner = error
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause
  if (!(inner instanceof Error)) return String(inner)
  const code = (inner as NodeJS.ErrnoException).code
  const message = inner.message.split('\n')[0]!
  return code && !message.includes(code) ? `${code}: ${message}` : message
}

/** A URL as it may be printed: no query (which may carry an authToken) and no password. */
function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`
  } catch {
    return url.split('?')[0]!
  }
}
