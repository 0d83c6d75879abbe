import { ratingRows } from '../helpers/people'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { latestPageChangeId, pageChangesAfter } from '@/db/page-changes'
import { findRating, saveRating } from '@/db/ratings'
import { films, users } from '@/db/schema'
import type { Viewer } from '@/db/users'
import { FILM_NOT_FOUND } from '@/lib/rules/common'
import { SCORE_MISSING } from '@/lib/rules/ratings'
import { form, databaseForActions, revalidatedPaths, signInAs } from '../helpers/server-actions'

// The rating form's validation and messages, through the actions as a form submits to them.
const db = await databaseForActions()
const { rateFilm, removeRating } = await import('@/app/actions/ratings')

const catalogue = await db.select({ id: films.id, slug: films.slug }).from(films)
const liberation = catalogue.find((film) => film.slug === 'liberation')!
const filmId = String(liberation.id)
const filmIds = new Set(catalogue.map((film) => film.id))

let people = 0
async function newPerson(): Promise<Viewer> {
  const [row] = await db
    .insert(users)
    .values({ email: `actor${++people}@example.test` })
    .returning({ id: users.id })
  return { id: row!.id }
}

const everything = () => ratingRows(db)

// What z.coerce accepts, so the generators below hold only what must be refused. A form sends
// text or leaves the field out (undefined).
const isScore = (value: string | undefined) => {
  const n = Number(value)
  return value !== undefined && Number.isInteger(n) && n >= 1 && n <= 10
}
const isFilmId = (value: string | undefined) => value !== undefined && filmIds.has(Number(value))
const notAScore = fc.oneof(
  fc.constantFrom(undefined, '', ' ', '0', '11', '2.5', '-1', 'abc', 'NaN', 'Infinity', '5 stars', 'null'),
  fc.integer().filter((n) => !isScore(String(n))).map(String),
  fc.double().filter((n) => !isScore(String(n))).map(String),
  fc.string().filter((s) => !isScore(s)),
) // prettier-ignore
const notAFilm = fc.oneof(
  fc.constantFrom(undefined, '', '0', '-1', '1.5', 'abc', '99999', 'null', '1e400', '9007199254740993'),
  fc.integer().filter((n) => !isFilmId(String(n))).map(String),
  fc.double().filter((n) => !Number.isInteger(n)).map(String),
  fc.string().filter((s) => !isFilmId(s)),
) // prettier-ignore

describe('rating actions', () => {
  it('read the person from the session and ignore a forged user id', async () => {
    const [ann, bob] = [await newPerson(), await newPerson()]
    await saveRating(bob, { filmId: liberation.id, score: 6 }, db)
    await signInAs(ann)
    expect(await rateFilm(null, form({ filmId, score: '9', userId: bob.id }))).toEqual({
      ok: true,
      score: 9,
    })
    expect(await findRating(ann, liberation.id, db)).toBe(9)
    expect(await findRating(bob, liberation.id, db)).toBe(6)
    expect(await removeRating(null, form({ filmId, userId: bob.id }))).toEqual({
      ok: true,
      score: null,
    })
    expect(await findRating(bob, liberation.id, db)).toBe(6)
    expect(revalidatedPaths()).toEqual(['/films/liberation', '/films/liberation'])
  })

  it('note the film page in the change log, for the other servers', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const before = await latestPageChangeId(db)
    await rateFilm(null, form({ filmId, score: '7' }))
    expect((await pageChangesAfter(before, {}, db)).map((change) => change.path)).toEqual([
      '/films/liberation',
    ])
  })

  it('answer refused input with a message and invalidate nothing that did not change', async () => {
    await signInAs(await newPerson())
    // The stars have no error slot of their own: the message says it, and what was sent comes back.
    expect(await rateFilm(null, form({ filmId, score: '2.5' }))).toEqual({
      ok: false,
      message: SCORE_MISSING,
      values: { filmId, score: '2.5' },
    })
    expect(await rateFilm(null, form({ filmId: '424242', score: '5' }))).toEqual({
      ok: false,
      message: FILM_NOT_FOUND,
      values: { filmId: '424242', score: '5' },
    })
    expect(await removeRating(null, form({ filmId }))).toEqual({ ok: true, score: null })
    expect(revalidatedPaths()).toEqual([])
  })

  it('accept a score in plain digits, and the same score twice changes nothing', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    expect(await rateFilm(null, form({ filmId: ` ${filmId} `, score: ' 4 ' }))).toMatchObject({ ok: false }) // prettier-ignore
    expect(await rateFilm(null, form({ filmId, score: '4' }))).toEqual({ ok: true, score: 4 })
    expect(await rateFilm(null, form({ filmId, score: '4' }))).toEqual({ ok: true, score: 4 })
    expect(await findRating(ann, liberation.id, db)).toBe(4)
    expect(revalidatedPaths()).toEqual(['/films/liberation'])
  })

  it('refuse every score that is not a whole number from 1 to 10, changing nothing', async () => {
    const ann = await newPerson()
    await saveRating(ann, { filmId: liberation.id, score: 4 }, db)
    await signInAs(ann)
    const before = await everything()
    await fc.assert(
      fc.asyncProperty(notAScore, async (score) => {
        const result = await rateFilm(null, form({ filmId, score }))
        expect(result).toMatchObject({ ok: false, message: SCORE_MISSING })
        expect(result).not.toHaveProperty('fieldErrors')
      }),
      { numRuns: 150 },
    )
    // A file where the score should be is no score either.
    const withFile = form({ filmId })
    withFile.append('score', new File(['7'], 'score.txt'))
    expect(await rateFilm(null, withFile)).toMatchObject({ ok: false, message: SCORE_MISSING })
    expect(await everything()).toEqual(before)
    expect(revalidatedPaths()).toEqual([])
  })

  it('refuse unknown or malformed film ids, changing nothing', async () => {
    await signInAs(await newPerson())
    const before = await everything()
    await fc.assert(
      fc.asyncProperty(notAFilm, fc.integer({ min: 1, max: 10 }), async (id, score) => {
        const rated = await rateFilm(null, form({ filmId: id, score: String(score) }))
        const removed = await removeRating(null, form({ filmId: id }))
        for (const result of [rated, removed]) {
          expect(result).toMatchObject({ ok: false, message: FILM_NOT_FOUND })
        }
      }),
      { numRuns: 150 },
    )
    expect(await rateFilm(null, form({}))).toEqual({
      ok: false,
      message: FILM_NOT_FOUND,
      values: {},
    })
    expect(await everything()).toEqual(before)
    expect(revalidatedPaths()).toEqual([])
  })
})
