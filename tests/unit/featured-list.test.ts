// The helper first: its stand-ins for next/headers and next/cache apply to what is imported after.
import {
  databaseForActions,
  form,
  outcomeOf,
  revalidatedPaths,
  signInAs,
} from '../helpers/server-actions'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCuratedList } from '@/db/curated'
import { importCuratedList } from '@/db/curated-import'
import { curatorHistory } from '@/db/curators'
import { featuredList, forgetFeaturedList, rememberedFeaturedList } from '@/db/featured-choice'
import { FEATURED_LIST } from '@/db/featured-list'
import { findFilmBySlug } from '@/db/films'
import { pageChangesAfter } from '@/db/page-changes'
import { CHECK_FIELDS } from '@/lib/action-result'
import { curationMessages } from '@/lib/rules/curated'
import { curatorAndMember } from '../helpers/curators'
import { finished, runScript } from '../helpers/processes'
import { rowsOf } from '../helpers/table-rows'

const db = await databaseForActions()
const { featureList } = await import('@/app/actions/curation')
const { NOT_A_CURATOR } = await import('@/lib/curator-action')
const { curator, member } = await curatorAndMember(db, 'featuring')

const BUNDLED = { slug: FEATURED_LIST.slug, title: FEATURED_LIST.title }
const WINTER = { slug: 'winter-evenings', title: 'Films for winter evenings' }
const winterText = `${WINTER.title}

Two films for a winter evening.

Come and See (1985)
Description: A boy joins the partisans in Belarus in 1943.
Fact: Its director was Elem Klimov.

Hot Snow (1972)
Description: An artillery battery holds the line against German tanks near Stalingrad.
Fact: It is based on Yuri Bondarev's novel of the same name.
`
const imported = await importCuratedList(winterText, { ...WINTER, createFilms: false }, db)
expect(imported.ok).toBe(true)

const feature = (list: string) => outcomeOf(featureList(null, form({ list })))
const lastChangeId = async () =>
  Number((await rowsOf(db, 'select coalesce(max(id), 0) as id from page_changes'))[0]?.id)
const mentionsOf = async (slug: string) => {
  const found = await findFilmBySlug(slug, db)
  if (found.kind !== 'film') throw new Error(`No film ${slug}`)
  return found.film.curated.map((mention) => mention.list)
}

describe('choosing the featured list', () => {
  it('features the bundled list on a fresh database', async () => {
    expect(await featuredList(db)).toEqual(BUNDLED)
    expect(await mentionsOf('come-and-see')).toEqual([
      { ...BUNDLED, featured: true },
      { ...WINTER, featured: false },
    ])
  })

  it('refuses a member who is not a curator, changing nothing', async () => {
    await signInAs(member)
    expect(await feature(WINTER.slug)).toMatchObject({
      answered: { ok: false, message: NOT_A_CURATOR },
    })
    expect(await featuredList(db)).toEqual(BUNDLED)
    expect(await curatorHistory(200, db)).toEqual([])
  })

  it('refuses a list that does not exist, or a slug no list can have, next to the field', async () => {
    await signInAs(curator)
    expect(await feature('no-such-list')).toEqual({
      answered: { ok: false, message: CHECK_FIELDS, fieldErrors: { list: [curationMessages.listMissing] }, values: { list: 'no-such-list' } }, // prettier-ignore
    })
    for (const slug of ['Bad Slug/../x', '']) {
      expect(await feature(slug)).toMatchObject({
        answered: { ok: false, fieldErrors: { list: [curationMessages.listMissing] } },
      })
    }
    expect(await featuredList(db)).toEqual(BUNDLED)
    expect(await curatorHistory(200, db)).toEqual([])
  })

  it('features another list, records who did it and refreshes the pages that show it', async () => {
    await signInAs(curator)
    const before = await lastChangeId()
    expect(await feature(WINTER.slug)).toEqual({ redirectedTo: `/curate?featured=${WINTER.slug}` })
    expect(await featuredList(db)).toEqual(WINTER)

    const [change, ...older] = await curatorHistory(200, db)
    expect(older).toEqual([])
    expect(change).toMatchObject({
      username: curator.username,
      kind: 'featured',
      listSlug: WINTER.slug,
      summary: `Featured list changed from “${BUNDLED.title}” (${BUNDLED.slug}) to “${WINTER.title}” (${WINTER.slug})`, // prettier-ignore
    })
    expect(Date.now() - change!.at.getTime()).toBeLessThan(60_000)

    // The home page, where Next renders it, both lists' pages (their canonical address and
    // title change) and the pages of their films, which link the featured list to `/`.
    const bundledFilms = ['come-and-see', 'the-dawns-here-are-quiet', 'liberation']
    const paths = revalidatedPaths()
    expect(paths).toEqual(expect.arrayContaining(['/', '/curated/_featured', `/curated/${BUNDLED.slug}`, `/curated/${WINTER.slug}`, '/films/hot-snow', ...bundledFilms.map((slug) => `/films/${slug}`)])) // prettier-ignore
    expect(new Set(paths).size).toBe(paths.length)
    // Every other server hears of it through the change log.
    const logged = (await pageChangesAfter(before, {}, db)).map((c) => c.path)
    expect(logged.sort()).toEqual([...paths].sort())

    expect(await mentionsOf('come-and-see')).toEqual([
      { ...WINTER, featured: true },
      { ...BUNDLED, featured: false },
    ])
    expect(await mentionsOf('liberation')).toEqual([{ ...BUNDLED, featured: false }])
  })

  it('changes and records nothing when the list is already featured', async () => {
    await signInAs(curator)
    const history = await curatorHistory(200, db)
    expect(await feature(WINTER.slug)).toEqual({ redirectedTo: `/curate?featured=${WINTER.slug}` })
    expect(await curatorHistory(200, db)).toEqual(history)
    expect(revalidatedPaths()).toEqual([])
  })

  it('keeps a server’s remembered choice until it is told to forget it', async () => {
    forgetFeaturedList(db)
    expect(await rememberedFeaturedList(db)).toEqual(WINTER)
    await signInAs(curator)
    await feature(BUNDLED.slug)
    expect(await featuredList(db)).toEqual(BUNDLED)
    expect(await rememberedFeaturedList(db)).toEqual(WINTER)
    forgetFeaturedList(db)
    expect(await rememberedFeaturedList(db)).toEqual(BUNDLED)
  })

  it('is where the importer puts a file given neither --list nor --title', async () => {
    await signInAs(curator)
    await feature(WINTER.slug)
    const bundledBefore = await findCuratedList(BUNDLED.slug, db)
    const [main] = await rowsOf(db, `select file from pragma_database_list where name = 'main'`)
    const listFile = join(dirname(String(main?.file)), 'winter.txt')
    writeFileSync(listFile, winterText.replace('holds the line', 'stands firm'))
    const { code, output } = await finished(
      runScript('scripts/import-list.ts', [listFile], { DATABASE_URL: `file:${main?.file}` }),
    )
    expect(code, output).toBe(0)
    expect(output).toContain(`Importing into the featured list, “${WINTER.title}” (${WINTER.slug})`)
    const winter = await findCuratedList(WINTER.slug, db)
    expect(winter?.entries.map((entry) => entry.description)).toEqual([
      'A boy joins the partisans in Belarus in 1943.',
      'An artillery battery stands firm against German tanks near Stalingrad.',
    ])
    expect(await findCuratedList(BUNDLED.slug, db)).toEqual(bundledBefore)
  })
})
