import { asc, eq } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseWatchlistSort } from '@/app/(per-request)/watchlist/watchlist-sort'
import { films, users, watchlistEntries } from '@/db/schema'
import { deleteUser, type Viewer } from '@/db/users'
import {
  changeWatchlist,
  changeWatchlistVisibility,
  isOnWatchlist,
  isWatchlistPublic,
  publicWatchlistOf,
  watchlistedAmong,
  watchlistOf,
} from '@/db/watchlist'
import { createTestDatabase } from '../helpers/test-db'

const db = await createTestDatabase({ seed: true })
const catalogue = await db
  .select({ id: films.id, slug: films.slug, title: films.title })
  .from(films)
  .orderBy(asc(films.id))
const filmId = (slug: string) => catalogue.find((film) => film.slug === slug)!.id
const unknownFilmId = Math.max(...catalogue.map((film) => film.id)) + 1

let counter = 0
async function newPerson(): Promise<Viewer & { username: string }> {
  counter++
  const username = `watcher_${counter}`
  const [row] = await db
    .insert(users)
    .values({ username, email: `watcher${counter}@example.test` })
    .returning({ id: users.id })
  return { id: row!.id, username }
}

const add = (viewer: Viewer, id: unknown, now?: Date) =>
  changeWatchlist(viewer, { filmId: String(id), change: 'add' }, { db, now })
const remove = (viewer: Viewer, id: unknown) =>
  changeWatchlist(viewer, { filmId: String(id), change: 'remove' }, { db })
const allEntries = () =>
  db
    .select()
    .from(watchlistEntries)
    .orderBy(asc(watchlistEntries.userId), asc(watchlistEntries.filmId))
const titles = (list: { title: string }[] | null) => list?.map((film) => film.title)

describe('adding and removing', () => {
  it('keeps each person’s watchlist to themselves', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    const cranes = filmId('the-cranes-are-flying')
    expect(await add(ann, cranes)).toEqual({
      ok: true,
      onWatchlist: true,
      message: 'Added “The Cranes Are Flying” to your watchlist.',
    })
    expect(await isOnWatchlist(ann, cranes, db)).toBe(true)
    expect(await isOnWatchlist(ben, cranes, db)).toBe(false)
    expect(await watchlistOf(ben, 'added', db)).toEqual([])
    expect([...(await watchlistedAmong(ben, [cranes], db))]).toEqual([])

    // Ben removing the film from his own watchlist leaves Ann's alone.
    expect(await remove(ben, cranes)).toMatchObject({ ok: true, onWatchlist: false })
    expect(await isOnWatchlist(ann, cranes, db)).toBe(true)
  })

  it('adds a film once however often it is added, keeping the first date', async () => {
    const ann = await newPerson()
    const ascent = filmId('the-ascent')
    const first = new Date('2026-01-02T10:00:00Z')
    await add(ann, ascent, first)
    await add(ann, ascent, new Date('2026-03-04T10:00:00Z'))
    await add(ann, ` ${ascent} `)
    const list = await watchlistOf(ann, 'added', db)
    expect(list.map((film) => [film.title, film.addedAt])).toEqual([['The Ascent', first]])
  })

  it('removes what is not there without an error and without touching anything', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    await add(ben, filmId('liberation'))
    const before = await allEntries()
    expect(await remove(ann, filmId('liberation'))).toMatchObject({ ok: true, onWatchlist: false })
    expect(await remove(ann, filmId('liberation'))).toMatchObject({ ok: true, onWatchlist: false })
    expect(await allEntries()).toEqual(before)
  })

  it('ignores a forged user id: only the signed-in person’s watchlist changes', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    const ballad = filmId('ballad-of-a-soldier')
    const comeAndSee = filmId('come-and-see')
    await add(ben, ballad)
    const forged = { userId: ben.id, user_id: ben.id, viewer: ben.id }

    await changeWatchlist(ann, { ...forged, filmId: String(ballad), change: 'remove' }, { db })
    await changeWatchlist(ann, { ...forged, filmId: String(comeAndSee), change: 'add' }, { db })

    expect(titles(await watchlistOf(ben, 'added', db))).toEqual(['Ballad of a Soldier'])
    expect(titles(await watchlistOf(ann, 'added', db))).toEqual(['Come and See'])
  })

  it('goes with the account when the account is deleted', async () => {
    const ann = await newPerson()
    await add(ann, filmId('two-soldiers'))
    await deleteUser(ann, db)
    expect(await db.$count(watchlistEntries, eq(watchlistEntries.userId, ann.id))).toBe(0)
  })
})

describe('bad input', () => {
  const notAFilmId = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant(''),
    // Any text, except what Number() would read as the id of a film that exists.
    fc.string().filter((text) => !catalogue.some((film) => Number(text) === film.id)),
    fc.integer({ max: 0 }).map(String),
    fc.double({ noInteger: true }).map(String),
    fc.integer({ min: unknownFilmId, max: 2 ** 40 }).map(String),
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map(String),
    fc.constantFrom('NaN', 'Infinity', '-1', '1.5', '1e400', '[1]', '{"id":1}'),
  )
  const notAChange = fc.oneof(
    fc.constant(undefined),
    fc.string().filter((text) => text !== 'add' && text !== 'remove'),
    fc.constantFrom('ADD', ' add', 'remove ', 'toggle', 'true'),
  )

  it('refuses every film id that is not a film, with a message and no row changed', async () => {
    const ann = await newPerson()
    await add(ann, filmId('the-living-and-the-dead'))
    await fc.assert(
      fc.asyncProperty(notAFilmId, fc.constantFrom('add', 'remove'), async (id, change) => {
        const before = await allEntries()
        const result = await changeWatchlist(ann, { filmId: id, change }, { db })
        expect(result.ok).toBe(false)
        expect(result.message).toMatch(/film/)
        expect(await allEntries()).toEqual(before)
      }),
      { numRuns: 150 },
    )
  })

  it('refuses every change that is not "add" or "remove", with no row changed', async () => {
    const ann = await newPerson()
    const known = fc.constantFrom(...catalogue.map((film) => String(film.id)))
    await fc.assert(
      fc.asyncProperty(known, notAChange, async (id, change) => {
        const before = await allEntries()
        const result = await changeWatchlist(ann, { filmId: id, change }, { db })
        expect(result).toEqual({ ok: false, message: 'Choose to add the film or to remove it.' })
        expect(await allEntries()).toEqual(before)
      }),
      { numRuns: 100 },
    )
  })

  it('says clearly when the film does not exist', async () => {
    const ann = await newPerson()
    expect(await add(ann, unknownFilmId)).toEqual({
      ok: false,
      message: 'That film is not in the catalogue.',
      onWatchlist: false,
    })
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
  it('is private by default, public once ticked, private again once unticked', async () => {
    const ann = await newPerson()
    await add(ann, filmId('the-cranes-are-flying'))
    expect(await isWatchlistPublic(ann, db)).toBe(false)
    expect(await publicWatchlistOf(ann.username, 'added', db)).toBeNull()

    expect(await changeWatchlistVisibility(ann, { watchlistPublic: 'on' }, db)).toMatchObject({
      ok: true,
      watchlistPublic: true,
    })
    expect(titles(await publicWatchlistOf(ann.username, 'added', db))).toEqual([
      'The Cranes Are Flying',
    ])

    await changeWatchlistVisibility(ann, { watchlistPublic: undefined }, db)
    expect(await publicWatchlistOf(ann.username, 'added', db)).toBeNull()
  })

  it('is null for someone who does not exist', async () => {
    expect(await publicWatchlistOf('nobody_at_all', 'added', db)).toBeNull()
  })

  it('changes only with a valid answer, and only for the signed-in person', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((text) => text !== 'on'),
        async (value) => {
          const result = await changeWatchlistVisibility(ann, { watchlistPublic: value }, db)
          expect(result.ok).toBe(false)
          expect(await isWatchlistPublic(ann, db)).toBe(false)
        },
      ),
      { numRuns: 50 },
    )
    await changeWatchlistVisibility(ann, { watchlistPublic: 'on', userId: ben.id }, db)
    expect(await isWatchlistPublic(ann, db)).toBe(true)
    expect(await isWatchlistPublic(ben, db)).toBe(false)
  })
})
