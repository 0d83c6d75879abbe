import { LibsqlError } from '@libsql/client'
import { getDb } from '@/db/client'
import { databaseFileLost } from './server/database-file'

// When the database cannot take a write (read-only, full, locked too long, a disk error, a remote
// server gone, or its file deleted: lib/server/database-file.ts), a member is told so plainly and
// keeps what they typed, instead of a blank error page or a success that was not.

export const COULD_NOT_SAVE = 'Couldn’t save — try again.'

/** SQLite result codes (and their extended forms, e.g. SQLITE_IOERR_WRITE) that refuse a write. */
const REFUSING_CODES = [
  'SQLITE_READONLY',
  'SQLITE_FULL',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_PERM',
]

/** libSQL client codes for a remote server that did not answer or a client that is closed. */
const UNREACHABLE_CODES = ['CLIENT_CLOSED', 'SERVER_ERROR', 'HRANA_WEBSOCKET_ERROR']

/**
 * Why the database refused, in one line, when `error` (or what it wraps: Drizzle wraps the
 * driver's error as its cause, Auth.js a sign-in's) is the database failing rather than a bug;
 * otherwise null.
 */
export function databaseRefusal(error: unknown): string | null {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    if (cause instanceof DatabaseUnavailable) return cause.message
    if (cause instanceof LibsqlError) {
      const code = cause.extendedCode ?? cause.code
      if (REFUSING_CODES.some((refusing) => code.startsWith(refusing))) {
        return `${code}: ${cause.message}`
      }
      if (UNREACHABLE_CODES.includes(cause.code)) return `${cause.code}: ${cause.message}`
    }
    // A remote libSQL server that cannot be reached: fetch's own TypeError.
    if (cause instanceof TypeError && cause.message === 'fetch failed') {
      const reason = cause.cause instanceof Error ? cause.cause.message : cause.message
      return `remote database unreachable: ${reason}`
    }
    cause = causeOf(cause)
  }
  return null
}

/** What `error` wraps: its cause, or for Auth.js's errors (`{ err }` as the cause) that `err`. */
function causeOf(error: Error): unknown {
  const { cause } = error
  if (cause instanceof Error || cause === null || typeof cause !== 'object') return cause
  return 'err' in cause ? cause.err : undefined
}

/** Thrown when the database must not be written to at all. */
export class DatabaseUnavailable extends Error {}

/**
 * Runs a write unless the database file is lost; null (logged in one line) when it is, or when
 * the database refused the write. Any other error is a bug and is thrown on.
 */
export async function unlessRefused<T>(write: () => Promise<T>): Promise<T | null> {
  if (databaseFileLost()) return null
  try {
    return await write()
  } catch (error) {
    const refusal = databaseRefusal(error)
    if (refusal === null) throw error
    console.error(`Kinofront: the database refused a write: ${refusal}`)
    if (/^SQLITE_(BUSY|LOCKED)/.test(refusal)) await reopenEmbedded()
    return null
  }
}

/**
 * After SQLITE_BUSY the embedded driver (@libsql/client 0.18.0) leaves the failed statement
 * unfinished on its pooled connection, and every later transaction on that connection fails to
 * commit ("SQL statements in progress"). Opening the connections again clears it; a query in
 * flight on another connection at that moment fails too (and a form then says "Couldn't save").
 */
async function reopenEmbedded() {
  const client = getDb().$client
  if (client.protocol === 'file') await client.reconnect()
}
