import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openDatabaseFile, type Database } from '@/db/client'
import { MIGRATIONS_FOLDER, migrateDatabase, seedIfEmpty } from '@/db/prepare'

/**
 * A fresh libSQL file in a temp folder, migrated with the real migrations (or those of
 * `migrationsFolder`), removed after the test file. With `seed`, the bundled catalogue, curated
 * list and corrections are loaded.
 */
export async function createTestDatabase({
  seed = false,
  migrationsFolder = MIGRATIONS_FOLDER,
} = {}): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'kinofront-test-'))
  const filePath = join(dir, 'test.db')
  const db = openDatabaseFile(filePath)
  await migrateDatabase(db, { embedded: true, migrationsFolder })
  if (seed) await seedIfEmpty(db)
  afterAll(() => {
    db.$client.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return db
}

/** A copy of the real migrations that stops before the one tagged `tag`, removed after the file. */
export function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kinofront-migrations-'))
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true })
  const journalPath = join(dir, 'meta/_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
  const stop = journal.entries.findIndex((entry) => entry.tag === tag)
  if (stop < 0) throw new Error(`No migration is tagged ${tag}`)
  journal.entries = journal.entries.slice(0, stop)
  writeFileSync(journalPath, JSON.stringify(journal))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
