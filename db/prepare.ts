import 'server-only'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Database } from './client'
import { eq } from 'drizzle-orm'
import { readCanon } from './canon-files'
import {
  BUNDLED_LIST_PATH,
  readBundledCorrections,
  replaceCorrections,
  upsertCanon,
} from './catalogue-seed'
import { parseCuratedList } from './curated-list-parser'
import { applyCuratedList, describeReport, type ImportReport } from './curated-import'
import { FEATURED_LIST } from './featured-list'
import { withDatabaseLock } from './prepare-lock'
import { catalogueState, curatedLists } from './schema'

export const MIGRATIONS_FOLDER = resolve(import.meta.dirname, '../drizzle')

export async function migrateDatabase(
  {
    embedded,
    migrationsFolder = MIGRATIONS_FOLDER,
  }: { embedded: boolean; migrationsFolder?: string },
  db: Database,
) {
  // WAL lets readers carry on while a writer commits; it is stored in the file, so once is enough.
  if (embedded) await db.$client.execute('PRAGMA journal_mode = WAL')
  await migrate(db, { migrationsFolder })
}

/**
 * Brings the catalogue up to the bundled canon when the canon has changed since it was last
 * loaded (new films added, edited facts updated, members' data untouched); null when it had not.
 */
export async function syncCanon(db: Database): Promise<{ films: number; people: number } | null> {
  const canon = readCanon()
  const [loaded] = await db
    .select({ value: catalogueState.value })
    .from(catalogueState)
    .where(eq(catalogueState.key, CANON_VERSION))
  if (loaded?.value === canon.version) return null
  await db.transaction(async (tx) => {
    await upsertCanon(canon, tx)
    await tx
      .insert(catalogueState)
      .values({ key: CANON_VERSION, value: canon.version })
      .onConflictDoUpdate({ target: catalogueState.key, set: { value: canon.version } })
  })
  return { films: canon.films.length, people: canon.people.length }
}

const CANON_VERSION = 'canon-version'

/** Loads the bundled curated list and its corrections when they are not there yet. */
export async function seedCuratedList(db: Database): Promise<ImportReport | null> {
  const [featured] = await db
    .select({ id: curatedLists.id })
    .from(curatedLists)
    .where(eq(curatedLists.slug, FEATURED_LIST.slug))
  if (featured) return null
  const parsed = parseCuratedList(readFileSync(BUNDLED_LIST_PATH, 'utf8'))
  if (!parsed.ok)
    throw new Error(`The bundled curated list is invalid:\n${parsed.errors.join('\n')}`)
  return db.transaction(async (tx) => {
    const report = await applyCuratedList(parsed.list, FEATURED_LIST, tx)
    await replaceCorrections(FEATURED_LIST.slug, readBundledCorrections(), tx)
    return report
  })
}

/** Loads the canon and the curated list, each when missing or out of date; the list's report. */
export async function seedIfEmpty(db: Database): Promise<ImportReport | null> {
  await syncCanon(db)
  return seedCuratedList(db)
}

/**
 * Migrates, then brings the catalogue and the curated list up to date, saying what it loaded;
 * one process at a time, so that instances starting together do it once.
 */
export async function prepareDatabase(
  options: { embedded: boolean; seed?: boolean },
  db: Database,
) {
  await withDatabaseLock('prepare', db, () => prepareUnlocked(options, db))
}

async function prepareUnlocked(
  { embedded, seed = true }: { embedded: boolean; seed?: boolean },
  db: Database,
) {
  await migrateDatabase({ embedded }, db)
  if (!seed) return
  const synced = await syncCanon(db)
  if (synced) console.log(`Loaded the canon: ${synced.films} films, ${synced.people} people`)
  const report = await seedCuratedList(db)
  if (report) {
    console.log(`Loaded the curated list: ${describeReport(report)}`)
    for (const warning of report.warnings) console.log(`  note: ${warning}`)
  }
}
