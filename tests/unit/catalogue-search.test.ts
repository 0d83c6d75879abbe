import { beforeAll, describe, expect, it } from 'vitest'
import { searchCatalogue } from '@/db/catalogue'
import { parseCatalogueQuery } from '@/db/catalogue-query'
import { films, ratings, users } from '@/db/schema'
import { createTestDatabase } from '../helpers/test-db'

const db = await createTestDatabase({ seed: 'ten' })
const search = async (params: Record<string, string>) =>
  (await searchCatalogue(parseCatalogueQuery(params), {}, db)).films.map((f) => f.slug)

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
    const page = await searchCatalogue(parseCatalogueQuery({ q: 'zzzyx' }), {}, db)
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
    // Any part of a name, in any case, and LIKE's wildcards taken literally.
    expect(await search({ director: 'SHEPIT' })).toEqual(['the-ascent'])
    expect(await search({ director: '%' })).toEqual([])
    expect(await search({ director: '_' })).toEqual([])
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
    const first = await searchCatalogue(query, { pageSize: 4 }, db)
    expect(first).toMatchObject({ total: 10, pageCount: 3, page: 1 })
    const last = await searchCatalogue({ ...query, page: 9 }, { pageSize: 4 }, db)
    expect(last.page).toBe(3)
    expect(last.films).toHaveLength(2)
  })
})

describe('catalogue sorted by rating', () => {
  // Half stars per film: equal average and count for the two 3-star films, three never rated.
  const scores: Record<string, number[]> = {
    'the-cranes-are-flying': [10, 10],
    'the-ascent': [10],
    'ballad-of-a-soldier': [6, 8, 10],
    liberation: [8],
    'two-soldiers': [6],
    'the-dawns-here-are-quiet': [6],
    'come-and-see': [4, 4, 4, 4],
  }
  const unrated = ['the-battle-of-stalingrad', 'father-of-a-soldier', 'the-living-and-the-dead']

  beforeAll(async () => {
    const people = await db
      .insert(users)
      .values([1, 2, 3, 4].map((n) => ({ email: `sorter${n}@example.test` })))
      .returning({ id: users.id })
    const catalogue = await db.select({ id: films.id, slug: films.slug }).from(films)
    const idOf = (slug: string) => catalogue.find((f) => f.slug === slug)!.id
    await db.insert(ratings).values(
      Object.entries(scores).flatMap(([slug, given]) =>
        given.map((score, i) => ({
          userId: people[i]!.id,
          filmId: idOf(slug),
          score,
          ratedAt: new Date(),
        })),
      ),
    )
  })

  it('puts the highest average first, then the most ratings, then the title; unrated last', async () => {
    expect(await search({ sort: 'rating' })).toEqual([
      'the-cranes-are-flying',
      'the-ascent',
      'ballad-of-a-soldier',
      'liberation',
      'the-dawns-here-are-quiet',
      'two-soldiers',
      'come-and-see',
      ...unrated,
    ])
  })

  it('puts the most ratings first, then the highest average, then the title', async () => {
    expect(await search({ sort: 'most-rated' })).toEqual([
      'come-and-see',
      'ballad-of-a-soldier',
      'the-cranes-are-flying',
      'the-ascent',
      'liberation',
      'the-dawns-here-are-quiet',
      'two-soldiers',
      ...unrated,
    ])
  })

  it('shows each card’s average in stars and its number of ratings', async () => {
    const page = await searchCatalogue(parseCatalogueQuery({ sort: 'most-rated' }), {}, db)
    expect(page.total).toBe(10)
    expect(page.films.map((f) => [f.slug, f.ratingAverage, f.ratingCount])).toEqual([
      ['come-and-see', 2, 4],
      ['ballad-of-a-soldier', 4, 3],
      ['the-cranes-are-flying', 5, 2],
      ['the-ascent', 5, 1],
      ['liberation', 4, 1],
      ['the-dawns-here-are-quiet', 3, 1],
      ['two-soldiers', 3, 1],
      ...unrated.map((slug) => [slug, null, 0]),
    ])
  })

  it('sorts within a filter, a search and across pages', async () => {
    expect(await search({ decade: '1970', sort: 'rating' })).toEqual([
      'the-ascent',
      'liberation',
      'the-dawns-here-are-quiet',
    ])
    expect(await search({ q: 'soldier', sort: 'rating' })).toEqual([
      'ballad-of-a-soldier',
      'two-soldiers',
      'father-of-a-soldier',
    ])
    const query = parseCatalogueQuery({ sort: 'rating', page: '3' })
    const last = await searchCatalogue(query, { pageSize: 4 }, db)
    expect(last.films.map((f) => f.slug)).toEqual(unrated.slice(1))
  })
})

describe('catalogue URL parameters', () => {
  it('falls back to defaults for malformed values', () => {
    expect(
      parseCatalogueQuery({ decade: '1975', page: '-2', sort: 'nope', director: 'x'.repeat(101) }),
    ).toEqual({
      q: '',
      qTooLong: false,
      decade: null,
      director: null,
      person: null,
      studio: null,
      colour: null,
      sort: 'title',
      page: 1,
    })
  })

  it('defaults to best match when searching', () => {
    expect(parseCatalogueQuery({ q: ' cranes ' })).toMatchObject({ q: 'cranes', sort: 'relevance' })
  })
})
