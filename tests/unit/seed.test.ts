import { asc, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { readCanon } from '@/db/canon-files'
import { readBundledCorrections } from '@/db/catalogue-seed'
import type { Database } from '@/db/client'
import { seedIfEmpty } from '@/db/prepare'
import { corrections, curatedEntries, curatedLists, filmParts, films } from '@/db/schema'
import { BUNDLED_REPORT, CURATED_ORDER } from '../helpers/curated-order'
import { dumpTables } from '../helpers/table-rows'
import { createTestDatabase, TEN_FILMS } from '../helpers/test-db'

const LIST_SLUG = 'soviet-films-of-the-great-patriotic-war'

/** Every table the seed writes, in insertion order. */
const snapshot = (database: Database) =>
  dumpTables(database, {
    films: 'select * from films order by rowid',
    film_parts: 'select * from film_parts order by rowid',
    film_slug_aliases: 'select * from film_slug_aliases order by rowid',
    people: 'select * from people order by rowid',
    credits: 'select * from credits order by rowid',
    curated_lists: 'select * from curated_lists order by rowid',
    curated_entries: 'select * from curated_entries order by rowid',
    corrections: 'select * from corrections order by rowid',
    film_search: 'select rowid, body from film_search order by rowid',
  })

const db = await createTestDatabase()
const emptyDump = await snapshot(db)
const report = await seedIfEmpty(db)

const filmSlugs = new Map(
  (await db.select({ id: films.id, slug: films.slug }).from(films)).map((f) => [f.id, f.slug]),
)
const [list] = await db.select().from(curatedLists).where(eq(curatedLists.slug, LIST_SLUG))
const entries = await db
  .select()
  .from(curatedEntries)
  .where(eq(curatedEntries.listId, list?.id ?? -1))
  .orderBy(asc(curatedEntries.position))
const entryFilm = new Map(entries.map((e) => [e.id, filmSlugs.get(e.filmId!)]))
const allCorrections = await db.select().from(corrections).orderBy(asc(corrections.position))
const correctionsOf = (slug: string) =>
  allCorrections.filter((c) => c.entryId !== null && entryFilm.get(c.entryId) === slug)

describe('seedIfEmpty on a fresh database', () => {
  it('starts from an empty catalogue', () => {
    expect(emptyDump.films).toEqual([])
    expect(emptyDump.curated_lists).toEqual([])
  })

  it('reports the import of the bundled list', () => {
    expect({ ...report, rows: undefined, removedTitles: undefined }).toEqual(BUNDLED_REPORT)
  })

  it('loads the canon, the curated list’s ten films among them', () => {
    expect([...filmSlugs.values()]).toEqual(expect.arrayContaining(TEN_FILMS))
    expect(filmSlugs.size).toBe(readCanon().films.length)
  })

  it('stores film details, parts and the search index', async () => {
    const [liberation] = await db.select().from(films).where(eq(films.slug, 'liberation'))
    expect(liberation).toMatchObject({
      title: 'Liberation',
      originalTitle: 'Освобождение',
      yearStart: 1970,
      yearEnd: 1971,
      runtimeNote: 'five films',
    })
    const parts = await db
      .select({ title: filmParts.title, year: filmParts.year })
      .from(filmParts)
      .where(eq(filmParts.filmId, liberation!.id))
      .orderBy(asc(filmParts.position))
    expect(parts).toEqual([
      { title: 'The Fire Bulge', year: 1970 },
      { title: 'Breakthrough', year: 1970 },
      { title: 'Direction of the Main Blow', year: 1971 },
      { title: 'The Battle of Berlin', year: 1971 },
      { title: 'The Last Assault', year: 1971 },
    ])
    expect(emptyDump.film_search).toEqual([])
    const search = await db.$client.execute('select count(*) as n from film_search')
    expect(search.rows[0]![0]).toBe(filmSlugs.size)
  })

  it('puts nine entries on the featured list, in the file order', () => {
    expect(list).toMatchObject({ title: 'Soviet films of the Great Patriotic War' })
    expect(list!.introduction).toContain('This curated list of 10 films')
    expect(entries.map((e) => filmSlugs.get(e.filmId!))).toEqual(CURATED_ORDER)
    expect(entries[8]).toMatchObject({ listedTitle: 'The Alive and the Dead', listedYear: '1964' })
  })

  it('keeps The Ascent in the catalogue but off the list', () => {
    const ascentId = [...filmSlugs].find(([, slug]) => slug === 'the-ascent')?.[0]
    expect(ascentId).toBeTypeOf('number')
    expect(entries.some((e) => e.filmId === ascentId)).toBe(false)
  })

  it('attaches every bundled correction', () => {
    expect(allCorrections).toHaveLength(readBundledCorrections().length)
    expect(allCorrections).toHaveLength(12)
    expect(allCorrections.every((c) => c.listId === list!.id)).toBe(true)
    expect(allCorrections.map((c) => c.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  it('attaches three corrections to Liberation, two pointing at The Ascent', () => {
    const liberation = correctionsOf('liberation')
    expect(
      liberation.map((c) => ({
        field: c.field,
        verdict: c.verdict,
        related: c.relatedFilmId === null ? null : filmSlugs.get(c.relatedFilmId),
      })),
    ).toEqual([
      { field: 'year', verdict: 'corrected', related: null },
      { field: 'description', verdict: 'corrected', related: 'the-ascent' },
      { field: 'fact', verdict: 'corrected', related: 'the-ascent' },
    ])
    expect(liberation[0]!.claim).toBe('Liberation (1977)')
    expect(liberation[2]!.sources).toEqual([
      'https://en.wikipedia.org/wiki/10th_Moscow_International_Film_Festival',
      'https://en.wikipedia.org/wiki/The_Ascent',
    ])
  })

  it('attaches the list-level correction about 10 films versus 9', async () => {
    const listLevel = await db.select().from(corrections).where(isNull(corrections.entryId))
    expect(listLevel).toHaveLength(1)
    expect(listLevel[0]).toMatchObject({
      listId: list!.id,
      field: 'introduction',
      verdict: 'corrected',
      claim: 'This curated list of 10 films',
      finding: 'The introduction promises 10 films, but the list has 9.',
      relatedFilmId: null,
      sources: [],
    })
  })

  it('attaches the other corrections to their entries', () => {
    expect(correctionsOf('the-living-and-the-dead').map((c) => c.field)).toEqual(['title'])
    expect(correctionsOf('two-soldiers').map((c) => [c.field, c.verdict])).toEqual([
      ['description', 'corrected'],
    ])
    expect(correctionsOf('come-and-see').map((c) => [c.field, c.verdict])).toEqual([
      ['fact', 'verified'],
    ])
    expect(correctionsOf('the-ascent')).toEqual([])
  })

  it('does nothing the second time', async () => {
    const before = await snapshot(db)
    expect(before.films).toHaveLength(readCanon().films.length)
    expect(await seedIfEmpty(db)).toBeNull()
    expect(await snapshot(db)).toEqual(before)
  })
})
