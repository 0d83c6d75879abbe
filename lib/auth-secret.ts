import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { config } from '@/config'

let resolved: string | undefined

/**
 * AUTH_SECRET from the environment or, for the embedded database, a secret generated on first
 * start and kept beside the database file (mode 0600), so that sessions survive restarts.
 */
export function authSecret(): string {
  resolved ??= config().auth.secret ?? secretBeside(config().database.filePath!)
  return resolved
}

export function secretBeside(databaseFile: string): string {
  const file = join(dirname(databaseFile), 'auth-secret')
  mkdirSync(dirname(file), { recursive: true })
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
  } catch (error) {
    // Another process (or an earlier start) wrote it first: use that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return readFileSync(file, 'utf8').trim()
}
