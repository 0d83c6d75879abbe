import { catalogueIds, watchlistRows, personMaker } from '../helpers/people'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isOnWatchlist, isWatchlistPublic, publicWatchlistOf, watchlistOf } from '@/db/watchlist'
import { FILM_NOT_FOUND } from '@/lib/rules/common'
import { watchlistMessages } from '@/lib/rules/watchlist'
import { databaseForActions, form, revalidatedPaths, signInAs } from '../helpers/server-actions'

// The watchlist forms' validation and messages, through the actions as a form submits to them.
const db = await databaseForActions()
const { updateWatchlist, updateWatchlistVisibility } = await import('@/app/actions/watchlist')

const { catalogue, filmId, unknownFilmId } = await catalogueIds(db)
const newPerson = personMaker(db, 'watcher')

/** The signed-in person adds (or removes) a film, as the watchlist button does. */
const change = (id: unknown, how: string, extra: Record<string, string> = {}) =>
  updateWatchlist(null, form({ ...extra, filmId: String(id), change: how }))
const allEntries = () => watchlistRows(db)
const titles = (list: { title: string }[] | null) => list?.map((film) => film.title)

describe('adding and removing', () => {
  it('answers with the film’s title and the state it is now in, and refreshes /watchlist', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const cranes = filmId('the-cranes-are-flying')
    expect(await change(cranes, 'add')).toEqual({
      ok: true,
      onWatchlist: true,
      message: 'Added “The Cranes Are Flying” to your watchlist.',
    })
    expect(await isOnWatchlist(ann, cranes, db)).toBe(true)
    expect(await change(cranes, 'remove')).toEqual({
      ok: true,
      onWatchlist: false,
      message: watchlistMessages.removed('The Cranes Are Flying'),
    })
    expect(await isOnWatchlist(ann, cranes, db)).toBe(false)
    expect(revalidatedPaths()).toEqual(['/watchlist', '/watchlist'])
  })

  it('reads the film id in plain digits only, and adds a film once', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const ascent = filmId('the-ascent')
    await change(ascent, 'add')
    expect(await change(ascent, 'add')).toMatchObject({ ok: true, onWatchlist: true })
    // Spaces, a sign or another notation are not how a form sends an id.
    for (const forged of [` ${ascent} `, `+${ascent}`, `0x${Number(ascent).toString(16)}`]) {
      expect(await change(forged, 'add')).toMatchObject({ ok: false, message: FILM_NOT_FOUND })
    }
    expect(titles(await watchlistOf(ann, 'added', db))).toEqual(['The Ascent'])
  })

  it('ignores a forged user id: only the signed-in person’s watchlist changes', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    const ballad = filmId('ballad-of-a-soldier')
    const comeAndSee = filmId('come-and-see')
    await signInAs(ben)
    await change(ballad, 'add')
    const forged = { userId: ben.id, user_id: ben.id, viewer: ben.id }

    await signInAs(ann)
    await change(ballad, 'remove', forged)
    await change(comeAndSee, 'add', forged)

    expect(titles(await watchlistOf(ben, 'added', db))).toEqual(['Ballad of a Soldier'])
    expect(titles(await watchlistOf(ann, 'added', db))).toEqual(['Come and See'])
  })
})

describe('bad input', () => {
  const notAFilmId = fc.oneof(
    fc.constant(undefined),
    fc.constant(''),
    // Any text, except what Number() would read as the id of a film that exists.
    fc.string().filter((text) => !catalogue.some((film) => Number(text) === film.id)),
    fc.integer({ max: 0 }).map(String),
    fc.double({ noInteger: true }).map(String),
    fc.integer({ min: unknownFilmId, max: 2 ** 40 }).map(String),
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map(String),
    fc.constantFrom('NaN', 'Infinity', '-1', '1.5', '1e400', '[1]', '{"id":1}', 'null'),
  )
  const notAChange = fc.oneof(
    fc.constant(undefined),
    fc.string().filter((text) => text !== 'add' && text !== 'remove'),
    fc.constantFrom('ADD', ' add', 'remove ', 'toggle', 'true'),
  )

  it('refuses every film id that is not a film, with a message and no row changed', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    await change(filmId('the-living-and-the-dead'), 'add')
    const before = await allEntries()
    await fc.assert(
      fc.asyncProperty(notAFilmId, fc.constantFrom('add', 'remove'), async (id, how) => {
        const result = await updateWatchlist(null, form({ filmId: id, change: how }))
        expect(result).toEqual({
          ok: false,
          message: FILM_NOT_FOUND,
          values: id === undefined ? { change: how } : { filmId: id, change: how },
        })
      }),
      { numRuns: 150 },
    )
    expect(await allEntries()).toEqual(before)
    expect(revalidatedPaths()).toEqual(['/watchlist'])
  })

  it('refuses every change that is not "add" or "remove", with no row changed', async () => {
    await signInAs(await newPerson())
    const known = fc.constantFrom(...catalogue.map((film) => String(film.id)))
    const before = await allEntries()
    await fc.assert(
      fc.asyncProperty(known, notAChange, async (id, how) => {
        const result = await updateWatchlist(null, form({ filmId: id, change: how }))
        expect(result).toMatchObject({
          ok: false,
          message: 'Choose to add the film or to remove it.',
        })
        expect(result).not.toHaveProperty('fieldErrors')
      }),
      { numRuns: 100 },
    )
    expect(await allEntries()).toEqual(before)
    expect(revalidatedPaths()).toEqual([])
  })

  it('says clearly when the film does not exist', async () => {
    await signInAs(await newPerson())
    expect(await change(unknownFilmId, 'add')).toEqual({
      ok: false,
      message: 'This film is not in the catalogue.',
      values: { filmId: String(unknownFilmId), change: 'add' },
    })
  })
})

describe('a public watchlist', () => {
  it('is private by default, public once ticked, private again once unticked', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    await change(filmId('the-cranes-are-flying'), 'add')
    expect(await isWatchlistPublic(ann, db)).toBe(false)

    expect(await updateWatchlistVisibility(null, form({ watchlistPublic: 'on' }))).toEqual({
      ok: true,
      watchlistPublic: true,
      message: watchlistMessages.madePublic,
    })
    expect(titles(await publicWatchlistOf(ann.username, 'added', db))).toEqual([
      'The Cranes Are Flying',
    ])

    // An unticked checkbox sends nothing at all.
    expect(await updateWatchlistVisibility(null, form({}))).toEqual({
      ok: true,
      watchlistPublic: false,
      message: watchlistMessages.madePrivate,
    })
    expect(await publicWatchlistOf(ann.username, 'added', db)).toBeNull()
  })

  it('changes only with a valid answer, and only for the signed-in person', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    await signInAs(ann)
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((text) => text !== 'on'),
        async (value) => {
          const result = await updateWatchlistVisibility(null, form({ watchlistPublic: value }))
          expect(result).toEqual({
            ok: false,
            message: 'Tick the box or leave it empty.',
            values: { watchlistPublic: value },
          })
          expect(await isWatchlistPublic(ann, db)).toBe(false)
        },
      ),
      { numRuns: 50 },
    )
    await updateWatchlistVisibility(null, form({ watchlistPublic: 'on', userId: ben.id }))
    expect(await isWatchlistPublic(ann, db)).toBe(true)
    expect(await isWatchlistPublic(ben, db)).toBe(false)
  })
})
