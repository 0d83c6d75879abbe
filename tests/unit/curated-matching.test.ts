import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { upsertCanon } from '@/db/catalogue-seed'
import { findCuratedList } from '@/db/curated'
import {
  describeReport,
  importCuratedList,
  type ImportReport,
  type ImportResult,
} from '@/db/curated-import'
import { curatedEntries, curatedLists, films } from '@/db/schema'
import { curatedFixture } from '../helpers/curated-fixtures'
import { createTestDatabase, tenFilmCanon } from '../helpers/test-db'
import { dumpTables } from '../helpers/table-rows'

// The ten films of the bundled list; each test imports into a list of its own.
const db = await createTestDatabase()
await upsertCanon(tenFilmCanon(), db)

let lists = 0
const newList = (more: { createFilms?: boolean } = {}) => {
  lists++
  return { slug: `matching-${lists}`, title: `Matching ${lists}`, ...more }
}

function expectReport(result: ImportResult): ImportReport {
  if (!result.ok) throw new Error(`expected the import to succeed, got:\n${result.errors.join('\n')}`) // prettier-ignore
  return result.report
}

function expectErrors(result: ImportResult): string[] {
  if (result.ok) throw new Error(`expected the import to fail, got ${describeReport(result.report)}`) // prettier-ignore
  return result.errors
}

const filmTable = () => dumpTables(db, { films: 'select * from films order by id' })

async function entriesOf(slug: string) {
  return db
    .select({ film: films.slug, listedTitle: curatedEntries.listedTitle })
    .from(curatedEntries)
    .innerJoin(curatedLists, eq(curatedLists.id, curatedEntries.listId))
    .leftJoin(films, eq(films.id, curatedEntries.filmId))
    .where(eq(curatedLists.slug, slug))
    .orderBy(asc(curatedEntries.position))
}

describe('matching listed titles to catalogue films', () => {
  it('finds each film by a leading "The", a missing article, numbering, Russian, transliteration, another title and punctuation', async () => {
    const before = await filmTable()
    const identity = newList()
    const report = expectReport(await importCuratedList(curatedFixture('title-variants.txt'), identity, db)) // prettier-ignore
    expect(report).toMatchObject({ entries: 6, added: 6, createdFilms: [], notInCatalogue: [] })
    expect(report.warnings).toEqual([])
    expect(await entriesOf(identity.slug)).toEqual([
      { film: 'come-and-see', listedTitle: 'Come and See' },
      { film: 'ballad-of-a-soldier', listedTitle: 'The Ballad of a Soldier' },
      { film: 'the-dawns-here-are-quiet', listedTitle: 'Dawns Here Are Quiet' },
      { film: 'the-cranes-are-flying', listedTitle: 'Летят журавли' },
      { film: 'father-of-a-soldier', listedTitle: 'Otets Soldata' },
      { film: 'liberation', listedTitle: 'THE GREAT BATTLE!!' },
    ])
    expect(await filmTable()).toEqual(before)
  })

  it('finds a film written as its slug or an old slug', async () => {
    const identity = newList()
    const text = 'the-living-and-the-dead (1964)\nDescription: d\nFact: f\n\nthe-alive-and-the-dead (1964)\nDescription: d\nFact: f\n' // prettier-ignore
    expect(expectErrors(await importCuratedList(text, identity, db))).toEqual([
      'line 5: "the-alive-and-the-dead" is the same film as line 1',
    ])
  })

  it('warns when the listed year disagrees, and still links the film', async () => {
    const identity = newList()
    const report = expectReport(await importCuratedList('Летят журавли (1958)\nDescription: d\nFact: f\n', identity, db)) // prettier-ignore
    expect(report.warnings).toEqual(['line 1: "Летят журавли" is listed as 1958; the catalogue has 1957']) // prettier-ignore
    expect(await entriesOf(identity.slug)).toEqual([{ film: 'the-cranes-are-flying', listedTitle: 'Летят журавли' }]) // prettier-ignore
  })

  it('refuses a title that fits two films, naming both, unless the year tells them apart', async () => {
    const [twin] = await db
      .insert(films)
      .values({
        slug: 'two-soldiers-remake',
        title: 'Two Soldiers',
        yearStart: 1990,
        sortTitle: 'two soldiers',
      }) // prettier-ignore
      .returning({ id: films.id })
    try {
      const ambiguous = 'Two Soldiers (1975)\nDescription: d\nFact: f\n'
      expect(expectErrors(await importCuratedList(ambiguous, newList(), db))).toEqual([
        'line 1: "Two Soldiers" fits 2 films: Two Soldiers (1943, /films/two-soldiers) and Two Soldiers (1990, /films/two-soldiers-remake); write the title or the year of the one you mean',
      ])
      const identity = newList()
      expectReport(await importCuratedList('Two Soldiers (1990)\nDescription: d\nFact: f\n', identity, db)) // prettier-ignore
      expect((await entriesOf(identity.slug))[0]!.film).toBe('two-soldiers-remake')
    } finally {
      await db.delete(curatedEntries).where(eq(curatedEntries.filmId, twin!.id))
      await db.delete(films).where(eq(films.id, twin!.id))
    }
  })
})

describe('films the catalogue does not have', () => {
  it('keeps them on the list as text, marked, with no film created', async () => {
    const before = await filmTable()
    const identity = newList()
    const report = expectReport(await importCuratedList(curatedFixture('unknown-films.txt'), identity, db)) // prettier-ignore
    expect(report).toMatchObject({ entries: 4, added: 4, createdFilms: [] })
    expect(report.notInCatalogue).toEqual([
      'line 9: "Cross of Iron (1977)"',
      'line 13: "Иваново детство (1962)"',
    ])
    expect(describeReport(report)).toBe('4 entries: 4 added, 0 changed, 2 not in our catalogue')
    expect(await filmTable()).toEqual(before)

    const list = await findCuratedList(identity.slug, db)
    expect(list!.entries.map((e) => [e.listedTitle, e.film?.slug ?? null])).toEqual([
      ['Come and See', 'come-and-see'],
      ['Cross of Iron', null],
      ['Иваново детство', null],
      ['Two Soldiers', 'two-soldiers'],
    ])
    expect(list!.entries[1]).toMatchObject({ listedYear: '1977', description: 'A German platoon retreats across the Taman peninsula in 1943.' }) // prettier-ignore

    // Importing again keeps the text-only entries in place.
    const again = expectReport(await importCuratedList(curatedFixture('unknown-films.txt'), identity, db)) // prettier-ignore
    expect(again).toMatchObject({ unchanged: 4, added: 0, removed: 0 })
  })

  it('creates them, with Latin slugs, only when the curator asks', async () => {
    const identity = newList({ createFilms: true })
    const report = expectReport(await importCuratedList(curatedFixture('unknown-films.txt'), identity, db)) // prettier-ignore
    expect(report.createdFilms).toEqual(['cross-of-iron', 'ivanovo-detstvo'])
    expect(report.notInCatalogue).toEqual([])
    const created = await db.select({ slug: films.slug, title: films.title, yearStart: films.yearStart }).from(films).where(eq(films.slug, 'ivanovo-detstvo')) // prettier-ignore
    expect(created).toEqual([
      { slug: 'ivanovo-detstvo', title: 'Иваново детство', yearStart: 1962 },
    ])
  })

  it('refuses a title over 200 characters and a year outside 1895 to this year, creating nothing', async () => {
    const before = await filmTable()
    const long = 'A'.repeat(1900)
    const thisYear = new Date().getFullYear()
    const text = `${long} (1960)\nDescription: d\nFact: f\n\nFuture Film (${thisYear + 1})\nDescription: d\nFact: f\n\nOld Film (1850)\nDescription: d\nFact: f\n` // prettier-ignore
    expect(expectErrors(await importCuratedList(text, newList({ createFilms: true }), db))).toEqual(
      [
        `line 1: the title "${'A'.repeat(57)}…" is 1,900 characters long; a title has at most 200`,
        `line 5: ${thisYear + 1} is not a year a film can be from; films date from 1895 to ${thisYear}`,
        `line 9: 1850 is not a year a film can be from; films date from 1895 to ${thisYear}`,
      ],
    )
    expect(await filmTable()).toEqual(before)
  })
})
