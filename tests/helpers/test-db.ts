import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openDatabaseFile, type Database } from '@/db/client'
import { readCanon, type Canon } from '@/db/canon-files'
import { upsertCanon } from '@/db/catalogue-seed'
import { MIGRATIONS_FOLDER, migrateDatabase, seedCuratedList, seedIfEmpty } from '@/db/prepare'

/** The ten films of the bundled curated list and its corrections, for tests that count films. */
export const TEN_FILMS = [
  'ballad-of-a-soldier',
  'come-and-see',
  'father-of-a-soldier',
  'liberation',
  'the-ascent',
  'the-battle-of-stalingrad',
  'the-cranes-are-flying',
  'the-dawns-here-are-quiet',
  'the-living-and-the-dead',
  'two-soldiers',
]

/** The canon cut down to TEN_FILMS and the people they credit. */
export function tenFilmCanon(): Canon {
  const canon = readCanon()
  const films = canon.films.filter((film) => TEN_FILMS.includes(film.slug))
  const credited = new Set(
    films.flatMap((f) => [...f.directors, ...f.writers, ...f.cinematographers, ...f.composers, ...f.cast.map((c) => c.person)]), // prettier-ignore
  )
  return { films, people: canon.people.filter((p) => credited.has(p.slug)), version: 'ten' }
}

/**
 * A fresh libSQL file in a temp folder, migrated with the real migrations (or those of
 * `migrationsFolder`), removed after the test file. With `seed`, the bundled canon (or with
 * 'ten', only TEN_FILMS), curated list and corrections are loaded.
 */
export async function createTestDatabase({
  seed = false,
  migrationsFolder = MIGRATIONS_FOLDER,
}: { seed?: boolean | 'ten'; migrationsFolder?: string } = {}): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'kinofront-test-'))
  const filePath = join(dir, 'test.db')
  const db = openDatabaseFile(filePath)
  await migrateDatabase({ embedded: true, migrationsFolder }, db)
  if (seed === 'ten') {
    await upsertCanon(tenFilmCanon(), db)
    await seedCuratedList(db)
  } else if (seed) await seedIfEmpty(db)
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
