import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openDatabase, type Database } from '@/db/client'
import { migrateDatabase, seedIfEmpty } from '@/db/prepare'

/**
 * A fresh libSQL file in a temp folder, migrated with the real migrations, removed after the
 * test file. With `seed`, the bundled catalogue, curated list and corrections are loaded.
 */
export async function createTestDatabase({ seed = false } = {}): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'kinofront-test-'))
  const filePath = join(dir, 'test.db')
  const db = openDatabase({ url: `file:${filePath}`, authToken: undefined, filePath })
  await migrateDatabase(db, { embedded: true })
  if (seed) await seedIfEmpty(db)
  afterAll(() => {
    db.$client.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return db
}
