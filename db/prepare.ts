import 'server-only'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Database } from './client'
import {
  BUNDLED_LIST_PATH,
  countFilms,
  readBundledCatalogue,
  replaceCorrections,
  upsertFilms,
} from './catalogue-seed'
import { parseCuratedList } from './curated-list-parser'
import { applyCuratedList, describeReport, type ImportReport } from './curated-import'
import { FEATURED_LIST } from './featured-list'

export const MIGRATIONS_FOLDER = resolve(import.meta.dirname, '../drizzle')

export async function migrateDatabase(
  db: Database,
  {
    embedded,
    migrationsFolder = MIGRATIONS_FOLDER,
  }: { embedded: boolean; migrationsFolder?: string },
) {
  // WAL lets readers carry on while a writer commits; it is stored in the file, so once is enough.
  if (embedded) await db.$client.execute('PRAGMA journal_mode = WAL')
  await migrate(db, { migrationsFolder })
}

/** Loads the bundled catalogue, curated list and corrections into an empty catalogue. */
export async function seedIfEmpty(db: Database): Promise<ImportReport | null> {
  if ((await countFilms(db)) > 0) return null
  const catalogue = readBundledCatalogue()
  const parsed = parseCuratedList(readFileSync(BUNDLED_LIST_PATH, 'utf8'))
  if (!parsed.ok)
    throw new Error(`The bundled curated list is invalid:\n${parsed.errors.join('\n')}`)
  return db.transaction(async (tx) => {
    await upsertFilms(tx, catalogue.films)
    const report = await applyCuratedList(tx, parsed.list, FEATURED_LIST)
    await replaceCorrections(tx, FEATURED_LIST.slug, catalogue.corrections)
    return report
  })
}

/** Migrates, then seeds an empty catalogue, saying what it loaded. Run on every start. */
export async function prepareDatabase(
  db: Database,
  { embedded, seed = true }: { embedded: boolean; seed?: boolean },
) {
  await migrateDatabase(db, { embedded })
  const report = seed ? await seedIfEmpty(db) : null
  if (report) {
    console.log(`Loaded the bundled catalogue: ${describeReport(report)}`)
    for (const warning of report.warnings) console.log(`  note: ${warning}`)
  }
}
