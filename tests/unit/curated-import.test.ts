import { readFileSync } from 'node:fs'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { searchCatalogue } from '@/db/catalogue'
import { parseCatalogueQuery } from '@/db/catalogue-query'
import { BUNDLED_LIST_PATH, upsertCanon } from '@/db/catalogue-seed'
import { FEATURED_LIST } from '@/db/featured-list'
import type { Database } from '@/db/client'
import {
  describeReport,
  importCuratedList,
  type ImportReport,
  type ImportResult,
} from '@/db/curated-import'
import { curatedEntries, curatedLists, films } from '@/db/schema'
import { createTestDatabase, tenFilmCanon } from '../helpers/test-db'
import { BUNDLED_REPORT, CURATED_ORDER } from '../helpers/curated-order'
import { dumpTables } from '../helpers/table-rows'

const bundledText = readFileSync(BUNDLED_LIST_PATH, 'utf8')

// One database with the bundled films and no list; each test imports into a list of its own.
const db = await createTestDatabase()
await upsertCanon(tenFilmCanon(), db)

let listCounter = 0
const newList = () => {
  listCounter++
  return { slug: `test-list-${listCounter}`, title: `Test list ${listCounter}` }
}

const LIBERATION_WARNING = 'line 33: "Liberation" is listed as 1977; the catalogue has 1970–1971'
const INTRO_WARNING = 'the introduction announces 10 films, but the list has 9'

function expectReport(result: ImportResult): ImportReport {
  if (!result.ok) {
    throw new Error(`expected the import to succeed, got:\n${result.errors.join('\n')}`)
  }
  return result.report
}

function expectErrors(result: ImportResult): string[] {
  if (result.ok) {
    throw new Error(`expected the import to fail, got ${describeReport(result.report)}`)
  }
  return result.errors
}

/** Every row of the tables an import may touch, as plain objects. */
const importedTables = (database: Database) =>
  dumpTables(database, {
    curated_entries: 'select * from curated_entries order by id',
    curated_lists: 'select * from curated_lists order by id',
    films: 'select * from films order by id',
    film_search: 'select rowid, body from film_search order by rowid',
    film_slug_aliases: 'select * from film_slug_aliases order by slug',
    corrections: 'select * from corrections order by id',
  })

/** The list's entries in order, with the slug of the film each resolved to. */
async function entriesOf(slug: string) {
  return db
    .select({
      id: curatedEntries.id,
      position: curatedEntries.position,
      film: films.slug,
      listedTitle: curatedEntries.listedTitle,
      listedYear: curatedEntries.listedYear,
      description: curatedEntries.description,
      fact: curatedEntries.fact,
    })
    .from(curatedEntries)
    .innerJoin(curatedLists, eq(curatedLists.id, curatedEntries.listId))
    .innerJoin(films, eq(films.id, curatedEntries.filmId))
    .where(eq(curatedLists.slug, slug))
    .orderBy(asc(curatedEntries.position))
}

/** The bundled list split into its introduction and its entry blocks. */
function bundledBlocks() {
  const [intro, ...blocks] = bundledText.trim().split(/\n{2,}/)
  return { intro: intro!, blocks }
}

describe('importCuratedList', () => {
  it('adds the nine bundled entries to the bundled films', async () => {
    const filmsBefore = (await importedTables(db)).films
    const report = expectReport(await importCuratedList(bundledText, FEATURED_LIST, db))
    expect({ ...report, rows: undefined, removedTitles: undefined }).toEqual(BUNDLED_REPORT)
    expect(describeReport(report)).toBe('9 entries: 9 added, 0 changed')

    const entries = await entriesOf(FEATURED_LIST.slug)
    expect(entries.map((e) => e.film)).toEqual(CURATED_ORDER)
    expect(entries.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(entries[6]).toMatchObject({
      listedTitle: 'Liberation',
      listedYear: '1977',
      fact: 'It won the Golden Prize at the 10th Moscow International Film Festival.',
    })
    const [list] = await db
      .select()
      .from(curatedLists)
      .where(eq(curatedLists.slug, FEATURED_LIST.slug))
    expect(list).toMatchObject({ title: 'Soviet films of the Great Patriotic War' })
    expect(list!.introduction).toMatch(/^The Great Patriotic War, as World War II/)
    expect(list!.introduction).toContain('This curated list of 10 films')
    // No film was created or changed.
    expect((await importedTables(db)).films).toEqual(filmsBefore)
  })

  it('changes nothing when the same text is imported again', async () => {
    const identity = newList()
    expectReport(await importCuratedList(bundledText, identity, db))
    const before = await importedTables(db)

    const report = expectReport(await importCuratedList(bundledText, identity, db))
    expect(report).toMatchObject({ entries: 9, added: 0, changed: 0, unchanged: 9, removed: 0 })
    expect(report.createdFilms).toEqual([])
    expect(describeReport(report)).toBe('9 entries: 0 added, 0 changed, 9 unchanged')

    const after = await importedTables(db)
    expect(after.curated_entries).toEqual(before.curated_entries)
    expect(after.curated_lists).toEqual(before.curated_lists)
    expect(after.films).toEqual(before.films)
    expect(after.film_search).toEqual(before.film_search)
    expect(after).toEqual(before)
    expect(before.curated_entries.length).toBeGreaterThanOrEqual(9)
  })

  it('updates edited entries in place, keeping their ids', async () => {
    const identity = newList()
    expectReport(await importCuratedList(bundledText, identity, db))
    const before = await entriesOf(identity.slug)
    const idOf = new Map(before.map((e) => [e.film, e.id]))

    // Change Come and See's description and swap Father of a Soldier with The Battle of Stalingrad.
    const { intro, blocks } = bundledBlocks()
    blocks[0] = blocks[0]!.replace(/^Description: .*$/m, 'Description: A new description.')
    ;[blocks[2], blocks[3]] = [blocks[3]!, blocks[2]!]
    const edited = [intro, ...blocks].join('\n\n')

    const report = expectReport(await importCuratedList(edited, identity, db))
    expect(report).toMatchObject({ entries: 9, added: 0, changed: 3, unchanged: 6, removed: 0 })
    expect(describeReport(report)).toBe('9 entries: 0 added, 3 changed, 6 unchanged')

    const after = await entriesOf(identity.slug)
    expect(after.map((e) => e.film)).toEqual([
      'come-and-see',
      'the-dawns-here-are-quiet',
      'the-battle-of-stalingrad',
      'father-of-a-soldier',
      'the-cranes-are-flying',
      'ballad-of-a-soldier',
      'liberation',
      'two-soldiers',
      'the-living-and-the-dead',
    ])
    for (const e of after) expect(e.id).toBe(idOf.get(e.film))
    expect(after[0]!.description).toBe('A new description.')
    expect(after[0]!.fact).toBe(before[0]!.fact)
    expect(after[2]!.description).toBe(before[3]!.description)
  })

  it('removes an entry that is no longer in the file', async () => {
    const identity = newList()
    expectReport(await importCuratedList(bundledText, identity, db))
    const before = await entriesOf(identity.slug)
    const filmsBefore = (await importedTables(db)).films

    const { intro, blocks } = bundledBlocks()
    const withoutLiberation = [intro, ...blocks.filter((b) => !b.startsWith('Liberation'))]
    const report = expectReport(
      await importCuratedList(withoutLiberation.join('\n\n'), identity, db),
    )
    // Two Soldiers and The Alive and the Dead move up one place.
    expect(report).toMatchObject({ entries: 8, added: 0, changed: 2, unchanged: 6, removed: 1 })
    expect(report.warnings).toEqual(['the introduction announces 10 films, but the list has 8'])
    expect(describeReport(report)).toBe('8 entries: 0 added, 2 changed, 6 unchanged, 1 removed')

    const after = await entriesOf(identity.slug)
    expect(after.map((e) => e.film)).toEqual(CURATED_ORDER.filter((f) => f !== 'liberation'))
    expect(after.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    const idOf = new Map(before.map((e) => [e.film, e.id]))
    for (const e of after) expect(e.id).toBe(idOf.get(e.film))
    // The film itself stays in the catalogue.
    expect((await importedTables(db)).films).toEqual(filmsBefore)
  })

  it('resolves "The Alive and the Dead" to the-living-and-the-dead through its slug alias', async () => {
    const identity = newList()
    const report = expectReport(await importCuratedList(bundledText, identity, db))
    expect(report.createdFilms).toEqual([])
    const entries = await entriesOf(identity.slug)
    expect(entries[8]).toMatchObject({
      film: 'the-living-and-the-dead',
      listedTitle: 'The Alive and the Dead',
      listedYear: '1964',
    })
    const aliasFilm = await db.select().from(films).where(eq(films.slug, 'the-alive-and-the-dead'))
    expect(aliasFilm).toEqual([])
  })

  it('creates a bare film for an unknown title when asked to, which is then searchable', async () => {
    const identity = { ...newList(), createFilms: true }
    const text = `A short list.\n\nCome and See (1985)\nDescription: d1\nFact: f1\n\nIvan's Childhood (1962)\nDescription: A boy scout behind the lines.\nFact: Tarkovsky's first feature.\n`
    const filmsBefore = (await importedTables(db)).films.length

    const report = expectReport(await importCuratedList(text, identity, db))
    expect(report).toMatchObject({
      entries: 2,
      added: 2,
      changed: 0,
      createdFilms: ['ivans-childhood'],
    })
    expect(report.warnings).toEqual([])

    const [film] = await db.select().from(films).where(eq(films.slug, 'ivans-childhood'))
    expect(film).toMatchObject({
      title: "Ivan's Childhood",
      yearStart: 1962,
      yearEnd: null,
      sortTitle: "ivan's childhood",
      altTitles: [],
      runtimeMinutes: null,
    })
    expect((await importedTables(db)).films).toHaveLength(filmsBefore + 1)
    expect((await entriesOf(identity.slug)).map((e) => e.film)).toEqual([
      'come-and-see',
      'ivans-childhood',
    ])

    const page = await searchCatalogue(parseCatalogueQuery({ q: 'childhood' }), {}, db)
    expect(page.films.map((f) => f.slug)).toEqual(['ivans-childhood'])
    const byPrefix = await searchCatalogue(parseCatalogueQuery({ q: 'ivan' }), {}, db)
    expect(byPrefix.films.map((f) => f.slug)).toContain('ivans-childhood')

    // Importing again finds the film it created instead of making another.
    const again = expectReport(await importCuratedList(text, identity, db))
    expect(again).toMatchObject({ unchanged: 2, createdFilms: [] })
    expect((await importedTables(db)).films).toHaveLength(filmsBefore + 1)
  })

  it('creates a bare film spanning a year range when asked to', async () => {
    const identity = { ...newList(), createFilms: true }
    const text = 'Unknown Saga (1980–1982)\nDescription: d\nFact: f\n'
    const report = expectReport(await importCuratedList(text, identity, db))
    expect(report.createdFilms).toEqual(['unknown-saga'])
    const [film] = await db.select().from(films).where(eq(films.slug, 'unknown-saga'))
    expect(film).toMatchObject({ title: 'Unknown Saga', yearStart: 1980, yearEnd: 1982 })
  })

  it('writes nothing for a malformed file and names the line', async () => {
    const identity = newList()
    expectReport(await importCuratedList(bundledText, identity, db))
    const before = await importedTables(db)

    const malformed = bundledText
      .replace('Liberation (1977)', 'Liberation')
      .replace('Description: A love story', 'Description: A changed love story')
    const errors = expectErrors(await importCuratedList(malformed, identity, db))
    expect(errors).toEqual([
      'line 33: film heading "Liberation" has no year in parentheses, e.g. "Liberation (1957)"',
    ])
    expect(await importedTables(db)).toEqual(before)

    // A malformed file for a list that does not exist yet does not create the list either.
    const fresh = newList()
    expectErrors(await importCuratedList(`${bundledText}\nstray text\n`, fresh, db))
    expect(await importedTables(db)).toEqual(before)
  })

  it('rolls back when two headings are the same film through an alias', async () => {
    const identity = { ...newList(), createFilms: true }
    const before = await importedTables(db)
    const text = [
      'Intro.',
      'A Film Nobody Has (2001)\nDescription: d0\nFact: f0',
      'The Living and the Dead (1964)\nDescription: d1\nFact: f1',
      'The Alive and the Dead (1964)\nDescription: d2\nFact: f2',
    ].join('\n\n')

    const errors = expectErrors(await importCuratedList(text, identity, db))
    expect(errors).toEqual(['line 11: "The Alive and the Dead" is the same film as line 7'])
    // Neither the list, its entries nor the film created before the clash survive.
    expect(await importedTables(db)).toEqual(before)
    expect(
      await db.select().from(curatedLists).where(eq(curatedLists.slug, identity.slug)),
    ).toEqual([])
    expect(await db.select().from(films).where(eq(films.slug, 'a-film-nobody-has'))).toEqual([])

    // The database is still usable afterwards.
    expectReport(await importCuratedList(bundledText, identity, db))
    expect(await entriesOf(identity.slug)).toHaveLength(9)
  })

  it('warns when a listed year differs from the catalogue, and not when it matches', async () => {
    const wrong = expectReport(await importCuratedList(bundledText, newList(), db))
    expect(wrong.warnings).toContain(LIBERATION_WARNING)
    expect(wrong.warnings.filter((w) => w.includes('is listed as'))).toEqual([LIBERATION_WARNING])

    const corrected = bundledText.replace('Liberation (1977)', 'Liberation (1970–1971)')
    const right = expectReport(await importCuratedList(corrected, newList(), db))
    expect(right.warnings).toEqual([INTRO_WARNING])

    const halfRight = bundledText.replace('Liberation (1977)', 'Liberation (1970)')
    const half = expectReport(await importCuratedList(halfRight, newList(), db))
    expect(half.warnings).toEqual([
      INTRO_WARNING,
      'line 33: "Liberation" is listed as 1970; the catalogue has 1970–1971',
    ])
  })
})
