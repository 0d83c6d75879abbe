import 'server-only'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { config, type DatabaseConfig } from '@/config'
import * as schema from './schema'

export type Database = LibSQLDatabase<typeof schema> & { $client: Client }

export function openDatabase({ url, authToken, filePath }: DatabaseConfig): Database {
  // libSQL will not create a missing folder for a file database.
  if (filePath !== null) mkdirSync(dirname(filePath), { recursive: true })
  const client = createClient({ url, authToken, timeout: 5000 })
  return drizzle(client, { schema })
}

/** An embedded database in the file at `filePath`, for tests and scripts. */
export function openDatabaseFile(filePath: string): Database {
  return openDatabase({ url: `file:${filePath}`, authToken: undefined, filePath })
}

const globalForDb = globalThis as unknown as { kinofrontDb?: Database }

/** The app's one database connection, opened on first use (never at import time). */
export function getDb(): Database {
  globalForDb.kinofrontDb ??= openDatabase(config().database)
  return globalForDb.kinofrontDb
}
