import { catalogueIds, personMaker } from '../helpers/people'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { filmDiaryState, watchedAmong } from '@/db/diary'
import { diaryPage, visibleDiaryOwner } from '@/db/diary-pages'
import { latestPageChangeId, pageChangesAfter } from '@/db/page-changes'
import { findRating } from '@/db/ratings'
import { ownReviewsOf, publicReviewsOf } from '@/db/reviews'
import { diaryEntries } from '@/db/schema'
import { isOnWatchlist } from '@/db/watchlist'
import { CHECK_FIELDS } from '@/lib/action-result'
import { FILM_NOT_FOUND } from '@/lib/rules/common'
import { diaryMessages, latestTodayOnEarth, todayUtc } from '@/lib/rules/diary'
import {
  databaseForActions,
  form,
  redirectOf,
  revalidatedPaths,
  signInAs,
} from '../helpers/server-actions'

// Logging, editing and deleting viewings, watched, and the diary setting, through the actions as
// a form submits to them, on a real migrated database.
const db = await databaseForActions()
const { logFilm, editEntry, removeEntry, updateWatched, updateDiaryVisibility } =
  await import('@/app/actions/diary')
const { updateWatchlist } = await import('@/app/actions/watchlist')
const { filmId, unknownFilmId } = await catalogueIds(db)
const newPerson = personMaker(db, 'diarist')
const cranes = filmId('the-cranes-are-flying') // 1957

const log = (fields: Record<string, string | undefined>) =>
  logFilm(null, form({ filmId: String(cranes), watchedOn: '2026-11-20', ...fields }))

describe('logging a viewing', () => {
  it('saves the entry, marks the film watched, rates it and takes it off the watchlist', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    await updateWatchlist(null, form({ filmId: String(cranes), change: 'add' }))
    const result = await log({
      score: '9',
      review: 'First paragraph.\r\n\r\nSecond paragraph.',
      spoilers: 'on',
      tags: 'moscow, cinema , Moscow,  black and white ',
    })
    expect(result).toMatchObject({
      ok: true,
      message: diaryMessages.loggedOffWatchlist('The Cranes Are Flying'),
    })
    const state = await filmDiaryState(ann, cranes, db)
    expect(state.watched).toBe(true)
    expect(state.entries).toEqual([
      {
        id: expect.any(Number),
        watchedOn: '2026-11-20',
        score: 9,
        rewatch: false,
        review: 'First paragraph.\n\nSecond paragraph.',
        spoilers: true,
        tags: ['moscow', 'cinema', 'black and white'],
      },
    ])
    expect(await findRating(ann, cranes, db)).toBe(9)
    expect(await isOnWatchlist(ann, cranes, db)).toBe(false)
    expect(revalidatedPaths()).toEqual(
      expect.arrayContaining([
        '/diary',
        '/films/the-cranes-are-flying',
        '/films/the-cranes-are-flying/reviews',
        '/watchlist',
      ]),
    )
  })

  it('says plainly when the film was not on the watchlist, and keeps an empty review as none', async () => {
    const ben = await newPerson()
    await signInAs(ben)
    expect(await log({ review: '   ' })).toMatchObject({
      ok: true,
      message: diaryMessages.logged('The Cranes Are Flying'),
    })
    const [entry] = (await filmDiaryState(ben, cranes, db)).entries
    expect(entry).toMatchObject({ review: null, score: null, spoilers: false, tags: [] })
    expect(await findRating(ben, cranes, db)).toBeNull()
  })

  it.each([
    [{ watchedOn: '' }, 'watchedOn', diaryMessages.dateMissing],
    [{ watchedOn: '2026-02-30' }, 'watchedOn', diaryMessages.dateMissing],
    [{ watchedOn: '20.11.2026' }, 'watchedOn', diaryMessages.dateMissing],
    [{ watchedOn: '2999-01-01' }, 'watchedOn', diaryMessages.dateInFuture],
    [{ watchedOn: '1956-12-31' }, 'watchedOn', diaryMessages.dateBeforeFilm(1957)],
    [{ score: '11' }, 'score', diaryMessages.score],
    [{ score: '4.5' }, 'score', diaryMessages.score],
    [{ review: 'x'.repeat(10_001) }, 'review', diaryMessages.reviewTooLong],
    [{ tags: 'a,b,c,d,e,f,g,h,i,j,k' }, 'tags', diaryMessages.tooManyTags],
    [{ tags: 'y'.repeat(51) }, 'tags', diaryMessages.tagTooLong],
  ])('refuses %j with a message on %s, and writes nothing', async (fields, field, message) => {
    const cat = await newPerson()
    await signInAs(cat)
    const result = await log(fields)
    expect(result).toMatchObject({
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { [field]: [message] },
    })
    expect((await filmDiaryState(cat, cranes, db)).watched).toBe(false)
  })

  it('accepts a review of exactly 10,000 characters and today’s date', async () => {
    const dan = await newPerson()
    await signInAs(dan)
    expect(await log({ review: 'z'.repeat(10_000), watchedOn: todayUtc() })).toMatchObject({
      ok: true,
    })
    expect(todayUtc() <= latestTodayOnEarth()).toBe(true)
  })

  it('refuses a film that is not in the catalogue', async () => {
    await signInAs(await newPerson())
    const result = await logFilm(
      null,
      form({ filmId: String(unknownFilmId), watchedOn: '2026-01-01' }),
    )
    expect(result).toMatchObject({ ok: false, message: FILM_NOT_FOUND })
  })
})

describe('editing and deleting entries', () => {
  it('edits only the member’s own entry', async () => {
    const eve = await newPerson()
    const fay = await newPerson()
    await signInAs(eve)
    const logged = await log({ score: '6' })
    if (!logged.ok) throw new Error('not logged')
    const fields = { entryId: String(logged.entryId), watchedOn: '2026-11-21', score: '8', rewatch: 'on', tags: 'again' }
    await signInAs(fay)
    expect(await editEntry(null, form(fields))).toMatchObject({ ok: false })
    await signInAs(eve)
    expect(await editEntry(null, form(fields))).toMatchObject({ ok: true, message: diaryMessages.updated('The Cranes Are Flying') })
    expect((await filmDiaryState(eve, cranes, db)).entries[0]).toMatchObject({ watchedOn: '2026-11-21', score: 8, rewatch: true, tags: ['again'] })
  }) // prettier-ignore

  it('asks to confirm before deleting, then deletes and goes back to the film', async () => {
    const gus = await newPerson()
    await signInAs(gus)
    const logged = await log({})
    if (!logged.ok) throw new Error('not logged')
    const entryId = String(logged.entryId)
    expect(await removeEntry(null, form({ entryId }))).toMatchObject({ ok: true, confirm: true })
    expect((await filmDiaryState(gus, cranes, db)).entries).toHaveLength(1)
    await signInAs(await newPerson())
    expect(await removeEntry(null, form({ entryId, confirmed: 'yes' }))).toMatchObject({
      ok: false,
    })
    await signInAs(gus)
    expect(await redirectOf(removeEntry(null, form({ entryId, confirmed: 'yes' })))).toBe(
      '/films/the-cranes-are-flying?deleted=entry',
    )
    const state = await filmDiaryState(gus, cranes, db)
    expect(state).toEqual({ watched: true, entries: [] })
  })
})

describe('the diary others see, cached for visitors', () => {
  it('is noted stale for every server by each entry logged, edited or deleted and by the setting', async () => {
    const kit = await newPerson()
    const diary = `/u/${kit.username}/diary`
    await signInAs(kit)
    const noted = async (change: () => Promise<unknown>) => {
      const before = await latestPageChangeId(db)
      await change().catch((error: unknown) => {
        if (!String((error as Error).message).includes('NEXT_REDIRECT')) throw error
      })
      return (await pageChangesAfter(before, {}, db)).map((c) => c.path)
    }
    let entryId = ''
    expect(
      await noted(async () => {
        const logged = await log({ review: 'Noted.' })
        if (logged.ok) entryId = String(logged.entryId)
      }),
    ).toContain(diary)
    expect(revalidatedPaths()).toEqual(expect.arrayContaining(['/diary', diary]))
    const edit = { entryId, watchedOn: '2026-11-21', score: '8' }
    expect(await noted(() => editEntry(null, form(edit)))).toContain(diary)
    expect(await noted(() => updateDiaryVisibility(null, form({ diaryPublic: 'private' })))).toContain(diary) // prettier-ignore
    expect(await noted(() => updateDiaryVisibility(null, form({ diaryPublic: 'public' })))).toContain(diary) // prettier-ignore
    expect(await noted(() => removeEntry(null, form({ entryId, confirmed: 'yes' })))).toContain(diary) // prettier-ignore
    // Only the pages everyone shares go in the change log: /diary is the member's own.
    expect(await noted(() => log({}))).not.toContain('/diary')
  })
})

describe('watched', () => {
  it('marks a film watched without a date, and not watched unless it is in the diary', async () => {
    const hal = await newPerson()
    await signInAs(hal)
    const ascent = filmId('the-ascent')
    const mark = (change: string) => updateWatched(null, form({ filmId: String(ascent), change }))
    expect(await mark('mark')).toMatchObject({ ok: true, watched: true })
    expect(await watchedAmong(hal, [ascent, cranes], db)).toEqual(new Set([ascent]))
    expect(await mark('unmark')).toMatchObject({ ok: true, watched: false })
    expect(await watchedAmong(hal, [ascent], db)).toEqual(new Set())
    await logFilm(null, form({ filmId: String(ascent), watchedOn: '2026-11-01' }))
    expect(await mark('unmark')).toEqual({ ok: false, message: diaryMessages.stillLogged, values: expect.any(Object) })
    expect(await watchedAmong(hal, [ascent], db)).toEqual(new Set([ascent]))
  }) // prettier-ignore
})

describe('the diary and reviews, public and private', () => {
  it('groups nothing away: newest viewing first, and a private diary hides diary and reviews', async () => {
    const ivy = await newPerson()
    await signInAs(ivy)
    await log({ watchedOn: '2026-10-01', review: 'Older.' })
    await log({ watchedOn: '2026-11-05', review: 'Newer.' })
    const { lines, total } = await diaryPage(ivy, 1, db)
    expect(total).toBe(2)
    expect(lines.map((l) => l.watchedOn)).toEqual(['2026-11-05', '2026-10-01'])
    expect(await visibleDiaryOwner(ivy.username, null, db)).not.toBeNull()
    const authors = async () => (await publicReviewsOf(cranes, { limit: 100 }, db)).map((r) => r.author)
    expect(await authors()).toContain(ivy.username)

    expect(await updateDiaryVisibility(null, form({ diaryPublic: 'private' }))).toMatchObject({ ok: true, diaryPublic: false })
    expect(revalidatedPaths()).toContain('/films/the-cranes-are-flying')
    expect(await visibleDiaryOwner(ivy.username, null, db)).toBeNull()
    expect(await visibleDiaryOwner(ivy.username, await newPerson(), db)).toBeNull()
    expect(await visibleDiaryOwner(ivy.username, ivy, db)).not.toBeNull()
    expect(await authors()).not.toContain(ivy.username)
    expect((await ownReviewsOf(ivy, cranes, db)).map((r) => r.text)).toEqual(['Newer.', 'Older.'])
  }) // prettier-ignore

  it('writes an entry only for the signed-in member: without a session nothing is written', async () => {
    await signInAs(null)
    const before = await db
      .select()
      .from(diaryEntries)
      .where(and(eq(diaryEntries.filmId, cranes)))
    await redirectOf(log({}))
    const after = await db.select().from(diaryEntries).where(eq(diaryEntries.filmId, cranes))
    expect(after).toHaveLength(before.length)
  })
})
