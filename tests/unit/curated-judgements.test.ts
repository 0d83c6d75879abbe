import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BUNDLED_LIST_PATH } from '@/db/catalogue-seed'
import { findCuratedList } from '@/db/curated'
import { importCuratedList, type ImportResult } from '@/db/curated-import'
import { FEATURED_LIST } from '@/db/featured-list'
import { findFilmBySlug, type CuratedMention } from '@/db/films'
import { curatedFixture } from '../helpers/curated-fixtures'
import { createTestDatabase } from '../helpers/test-db'

// The ten films with the bundled list and its corrections, as a fresh install has them.
const db = await createTestDatabase({ seed: 'ten' })
const bundledText = readFileSync(BUNDLED_LIST_PATH, 'utf8')

function reportOf(result: ImportResult) {
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.report
}

/** What a film page shows about the film's entry in one list: each judgement's field, mark and finding. */
async function notesOn(filmSlug: string, listSlug: string) {
  const lookup = await findFilmBySlug(filmSlug, db)
  if (lookup.kind !== 'film') throw new Error(`no film ${filmSlug}`)
  const mention = lookup.film.curated.find((m: CuratedMention) => m.list.slug === listSlug)
  return mention?.corrections.map((c) => `${c.field} ${c.verdict}: ${c.finding}`)
}

describe('judgements belong to the entry, the field and the claim', () => {
  it('importing the bundled list again keeps every judgement', async () => {
    const report = reportOf(await importCuratedList(bundledText, FEATURED_LIST, db))
    expect(report).toMatchObject({ unchanged: 9, droppedJudgements: 0, changedFilms: [] })
    expect(await notesOn('liberation', FEATURED_LIST.slug)).toHaveLength(3)
    expect((await findCuratedList(FEATURED_LIST.slug, db))!.corrections).toHaveLength(1)
  })

  it('drops the judgements of replaced text and keeps those whose claim is still there', async () => {
    const report = reportOf(
      await importCuratedList(curatedFixture('featured-rewritten.txt'), FEATURED_LIST, db),
    )
    // The introduction's "10 films", Liberation's 1977 and partisans, Come and See's verified fact.
    expect(report.droppedJudgements).toBe(4)
    expect(report.changedFilms).toHaveLength(9)

    const list = await findCuratedList(FEATURED_LIST.slug, db)
    expect(list!.introduction).toMatch(/^The Great Patriotic War has inspired/)
    expect(list!.corrections).toEqual([])

    // Come and See's new fact is not verified by the mark that verified the old one.
    expect(await notesOn('come-and-see', FEATURED_LIST.slug)).toEqual([])
    // Dawns' fact is unchanged, so its verification stays.
    expect(await notesOn('the-dawns-here-are-quiet', FEATURED_LIST.slug)).toEqual([
      'fact verified: Verified: a new film adaptation with the same title was released in 2015.',
    ])
    // Two Soldiers' rewritten description still says "two brothers, one a soldier and the other a civilian".
    expect(await notesOn('two-soldiers', FEATURED_LIST.slug)).toEqual([
      expect.stringMatching(
        /^description corrected: The film follows two soldiers who are friends/,
      ),
    ])
  })

  it('flags from the catalogue what nobody has judged: the wrong year and a description of another film', async () => {
    const notes = await notesOn('liberation', FEATURED_LIST.slug)
    expect(notes).toEqual([
      expect.stringMatching(/^fact corrected: The Golden Prizes of the 10th Moscow/),
      'year corrected: The catalogue dates Liberation 1970–1971, not 1964.',
      'description corrected: This description may describe Father of a Soldier (1964) rather than Liberation.',
    ])
    const lookup = await findFilmBySlug('liberation', db)
    if (lookup.kind !== 'film') throw new Error('no Liberation')
    const description = lookup.film.curated[0]!.corrections.find((c) => c.field === 'description')
    expect(description!.relatedFilm).toEqual({ slug: 'father-of-a-soldier', title: 'Father of a Soldier' }) // prettier-ignore
    // Father of a Soldier's own entry, with the same words, is not flagged.
    expect(await notesOn('father-of-a-soldier', FEATURED_LIST.slug)).toEqual([
      expect.stringMatching(/^fact corrected: No 2010 remake could be found/),
    ])
  })

  it('judges entries of every list, not only the featured one', async () => {
    const other = { slug: 'another-list', title: 'Another list' }
    const report = reportOf(await importCuratedList(bundledText, other, db))
    expect(report.warnings).toContain('line 33: "Liberation" is listed as 1977; the catalogue has 1970–1971') // prettier-ignore
    expect(await notesOn('liberation', other.slug)).toEqual([
      'year corrected: The catalogue dates Liberation 1970–1971, not 1977.',
    ])
    expect(await notesOn('come-and-see', other.slug)).toEqual([])

    // Correcting the year in the file drops the flag; importing the same text again adds nothing.
    const fixed = bundledText.replace('Liberation (1977)', 'Liberation (1970–1971)')
    expect(reportOf(await importCuratedList(fixed, other, db)).droppedJudgements).toBe(1)
    expect(await notesOn('liberation', other.slug)).toEqual([])
    expect(reportOf(await importCuratedList(fixed, other, db)).changedFilms).toEqual([])
  })

  it('flags a description that fits another film’s synopsis far better', async () => {
    const text = 'Liberation (1970–1971)\nDescription: A Georgian vine-grower sets out to visit his wounded son in hospital.\nFact: f\n' // prettier-ignore
    const report = reportOf(await importCuratedList(text, { slug: 'synopsis-fit', title: 'Fit' }, db)) // prettier-ignore
    expect(report.warnings).toEqual([
      'line 1: the description of "Liberation" may describe Father of a Soldier (1964)',
    ])
  })
})
