import { describe, expect, it } from 'vitest'
import { searchCatalogue } from '@/db/catalogue'
import { parseCatalogueQuery } from '@/db/catalogue-query'
import { createTestDatabase } from '../helpers/test-db'

const db = await createTestDatabase({ seed: true })
const search = async (params: Record<string, string>) =>
  (await searchCatalogue(parseCatalogueQuery(params), { db })).films.map((f) => f.slug)

describe('catalogue search', () => {
  it.each(['журавли', 'ЖУРАВЛИ', 'zhuravli', 'Cranes', 'летят', 'Kalatozov', 'Samoilova'])(
    'finds The Cranes Are Flying by %s',
    async (q) => {
      expect(await search({ q })).toEqual(['the-cranes-are-flying'])
    },
  )

  it('treats ё and е alike', async () => {
    expect(await search({ q: 'мёртвые' })).toEqual(['the-living-and-the-dead'])
    expect(await search({ q: 'мертвые' })).toEqual(['the-living-and-the-dead'])
  })

  it('finds alternative titles', async () => {
    expect(await search({ q: 'alive and the dead' })).toEqual(['the-living-and-the-dead'])
    expect(await search({ q: 'two fighters' })).toEqual(['two-soldiers'])
  })

  it('returns nothing for an unknown word', async () => {
    const page = await searchCatalogue(parseCatalogueQuery({ q: 'zzzyx' }), { db })
    expect(page).toMatchObject({ total: 0, films: [] })
  })

  it('survives FTS syntax in the query', async () => {
    expect(await search({ q: '"cranes" OR NEAR(' })).toEqual([])
    expect(await search({ q: 'cranes*' })).toEqual(['the-cranes-are-flying'])
  })

  it('filters by decade, counting a series in every decade it spans', async () => {
    expect(await search({ decade: '1970', sort: 'year' })).toEqual([
      'liberation',
      'the-dawns-here-are-quiet',
      'the-ascent',
    ])
  })

  it('filters by director and combines filters', async () => {
    expect(await search({ director: 'larisa-shepitko' })).toEqual(['the-ascent'])
    expect(await search({ director: 'elem-klimov', decade: '1950' })).toEqual([])
  })

  it('sorts by title ignoring a leading article, and by year both ways', async () => {
    const byTitle = await search({})
    expect(byTitle.slice(0, 3)).toEqual([
      'the-ascent',
      'ballad-of-a-soldier',
      'the-battle-of-stalingrad',
    ])
    const byYear = await search({ sort: 'year' })
    expect(byYear[0]).toBe('two-soldiers')
    expect((await search({ sort: 'year-desc' }))[0]).toBe('come-and-see')
  })

  it('paginates and clamps a page past the end', async () => {
    const query = parseCatalogueQuery({ sort: 'year' })
    const first = await searchCatalogue(query, { db, pageSize: 4 })
    expect(first).toMatchObject({ total: 10, pageCount: 3, page: 1 })
    const last = await searchCatalogue({ ...query, page: 9 }, { db, pageSize: 4 })
    expect(last.page).toBe(3)
    expect(last.films).toHaveLength(2)
  })
})

describe('catalogue URL parameters', () => {
  it('falls back to defaults for malformed values', () => {
    expect(
      parseCatalogueQuery({ decade: '1975', page: '-2', sort: 'nope', director: '../x' }),
    ).toEqual({
      q: '',
      decade: null,
      director: null,
      sort: 'title',
      page: 1,
    })
  })

  it('defaults to best match when searching', () => {
    expect(parseCatalogueQuery({ q: ' cranes ' })).toMatchObject({ q: 'cranes', sort: 'relevance' })
  })
})
