import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseWatchlistSort } from '@/app/(per-request)/watchlist/watchlist-sort'
import { watchlistEntries } from '@/db/schema'
import { deleteUser, type Viewer } from '@/db/users'
import {
  addToWatchlist,
  isOnWatchlist,
  isWatchlistPublic,
  publicWatchlistOf,
  removeFromWatchlist,
  setWatchlistPublic,
  watchlistedAmong,
  watchlistOf,
} from '@/db/watchlist'
import { createTestDatabase } from '../helpers/test-db'
import { catalogueIds, watchlistRows, personMaker } from '../helpers/people'

const db = await createTestDatabase({ seed: true })
const { catalogue, filmId, unknownFilmId } = await catalogueIds(db)
const newPerson = personMaker(db, 'watcher')

// Validated input, as the actions pass it: the form's rules and messages are tested through the
// actions in watchlist-actions.test.ts.
const add = (viewer: Viewer, filmId: number, addedAt?: Date) =>
  addToWatchlist(viewer, { filmId, addedAt }, db)
const remove = (viewer: Viewer, filmId: number) => removeFromWatchlist(viewer, filmId, db)
const refOf = (slug: string) => {
  const { id, title } = catalogue.find((film) => film.slug === slug)!
  return { id, slug, title }
}
const allEntries = () => watchlistRows(db)
const titles = (list: { title: string }[] | null) => list?.map((film) => film.title)

describe('adding and removing', () => {
  it('keeps each person’s watchlist to themselves', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    const cranes = filmId('the-cranes-are-flying')
    expect(await add(ann, cranes)).toEqual(refOf('the-cranes-are-flying'))
    expect(await isOnWatchlist(ann, cranes, db)).toBe(true)
    expect(await isOnWatchlist(ben, cranes, db)).toBe(false)
    expect(await watchlistOf(ben, 'added', db)).toEqual([])
    expect([...(await watchlistedAmong(ben, [cranes], db))]).toEqual([])

    // Ben removing the film from his own watchlist leaves Ann's alone.
    expect(await remove(ben, cranes)).toEqual(refOf('the-cranes-are-flying'))
    expect(await isOnWatchlist(ann, cranes, db)).toBe(true)
  })

  it('adds a film once however often it is added, keeping the first date', async () => {
    const ann = await newPerson()
    const ascent = filmId('the-ascent')
    const first = new Date('2026-01-02T10:00:00Z')
    await add(ann, ascent, first)
    await add(ann, ascent, new Date('2026-03-04T10:00:00Z'))
    await Promise.all([add(ann, ascent), add(ann, ascent)])
    const list = await watchlistOf(ann, 'added', db)
    expect(list.map((film) => [film.title, film.addedAt])).toEqual([['The Ascent', first]])
  })

  it('removes what is not there without an error and without touching anything', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    await add(ben, filmId('liberation'))
    const before = await allEntries()
    expect(await remove(ann, filmId('liberation'))).toEqual(refOf('liberation'))
    expect(await remove(ann, filmId('liberation'))).toEqual(refOf('liberation'))
    expect(await allEntries()).toEqual(before)
  })

  it('goes with the account when the account is deleted', async () => {
    const ann = await newPerson()
    await add(ann, filmId('two-soldiers'))
    await deleteUser(ann, db)
    expect(await db.$count(watchlistEntries, eq(watchlistEntries.userId, ann.id))).toBe(0)
  })
})

describe('a film that is not in the catalogue', () => {
  it('is found by neither adding nor removing, and no row changes', async () => {
    const ann = await newPerson()
    await add(ann, filmId('the-living-and-the-dead'))
    const before = await allEntries()
    const notAFilm = fc.integer({ min: unknownFilmId, max: Number.MAX_SAFE_INTEGER })
    await fc.assert(
      fc.asyncProperty(notAFilm, async (id) => {
        expect(await add(ann, id)).toBeNull()
        expect(await remove(ann, id)).toBeNull()
      }),
      { numRuns: 100 },
    )
    expect(await allEntries()).toEqual(before)
  })
})

describe('the watchlist page’s order', () => {
  it('is newest first, or by year, or by title', async () => {
    const ann = await newPerson()
    const added = [
      ['the-ascent', '2026-05-01'], // 1977
      ['come-and-see', '2026-05-03'], // 1985
      ['two-soldiers', '2026-05-02'], // 1943
      ['liberation', '2026-05-04'], // 1970
    ] as const
    for (const [slug, day] of added) await add(ann, filmId(slug), new Date(`${day}T12:00:00Z`))

    expect(titles(await watchlistOf(ann, 'added', db))).toEqual([
      'Liberation',
      'Come and See',
      'Two Soldiers',
      'The Ascent',
    ])
    expect(titles(await watchlistOf(ann, 'year', db))).toEqual([
      'Two Soldiers',
      'Liberation',
      'The Ascent',
      'Come and See',
    ])
    // Sorted without the article, as in the catalogue.
    expect(titles(await watchlistOf(ann, 'title', db))).toEqual([
      'The Ascent',
      'Come and See',
      'Liberation',
      'Two Soldiers',
    ])
    const [first] = await watchlistOf(ann, 'title', db)
    expect(first?.directors).toEqual([{ slug: 'larisa-shepitko', name: 'Larisa Shepitko' }])
  })

  it('reads the sort from the URL, falling back to newest first', () => {
    expect(parseWatchlistSort({})).toBe('added')
    expect(parseWatchlistSort({ sort: 'title' })).toBe('title')
    expect(parseWatchlistSort({ sort: ['year', 'title'] })).toBe('year')
    fc.assert(
      fc.property(fc.string(), (sort) => {
        const parsed = parseWatchlistSort({ sort })
        expect(parsed).toBe(['added', 'year', 'title'].includes(sort) ? sort : 'added')
      }),
    )
  })

  it('marks which films of a page are on the watchlist', async () => {
    const ann = await newPerson()
    await add(ann, filmId('the-ascent'))
    await add(ann, filmId('liberation'))
    const among = await watchlistedAmong(ann, [filmId('the-ascent'), filmId('come-and-see')], db)
    expect([...among]).toEqual([filmId('the-ascent')])
    expect(await watchlistedAmong(ann, [], db)).toEqual(new Set())
  })
})

describe('a public watchlist', () => {
  it('is private by default, public once made public, private again after', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    await add(ann, filmId('the-cranes-are-flying'))
    expect(await isWatchlistPublic(ann, db)).toBe(false)
    expect(await publicWatchlistOf(ann.username, 'added', db)).toBeNull()

    await setWatchlistPublic(ann, true, db)
    expect(await isWatchlistPublic(ann, db)).toBe(true)
    expect(await isWatchlistPublic(ben, db)).toBe(false)
    expect(titles(await publicWatchlistOf(ann.username, 'added', db))).toEqual([
      'The Cranes Are Flying',
    ])
    expect(await publicWatchlistOf(ben.username, 'added', db)).toBeNull()

    await setWatchlistPublic(ann, false, db)
    expect(await publicWatchlistOf(ann.username, 'added', db)).toBeNull()
  })

  it('is null for someone who does not exist', async () => {
    expect(await publicWatchlistOf('nobody_at_all', 'added', db)).toBeNull()
  })
})
