import { and, asc, eq } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findListPage, listsOf } from '@/db/list-queries'
import { listEntries, lists } from '@/db/schema'
import type { Viewer } from '@/db/users'
import { CHECK_FIELDS } from '@/lib/action-result'
import { CONTROL_CHARACTERS, FILM_NOT_FOUND } from '@/lib/rules/common'
import { listMessages } from '@/lib/rules/lists'
import {
  databaseForActions,
  form,
  outcomeOf,
  redirectOf,
  revalidatedPaths,
  signInAs,
} from '../helpers/server-actions'
import { catalogueIds, personMaker, type Person } from '../helpers/people'

// The list forms' validation and messages, through the actions as a form submits to them.
const db = await databaseForActions()
const {
  addToListAction,
  createListAction,
  deleteListAction,
  moveEntryAction,
  removeFromListAction,
  saveNoteAction,
  updateListAction,
} = await import('@/app/actions/lists')

const ids = await catalogueIds(db)
const filmId = (slug: string) => String(ids.filmId(slug))
const [cranes, ascent, comeAndSee] = ['the-cranes-are-flying', 'the-ascent', 'come-and-see'].map(filmId) as [string, string, string] // prettier-ignore
const unknownFilmId = String(ids.unknownFilmId)
const newPerson = personMaker(db, 'lister')

/** `owner`, signed in, makes a list through the form; the action sends them to it. */
async function newList(owner: Viewer, fields: Record<string, string> = {}) {
  const sentTo = await redirectOf(
    createListAction(null, form({ title: 'War films', visibility: 'private', ...fields })),
  )
  const slug = decodeURIComponent(sentTo.split('/').at(-1)!)
  const [row] = await db
    .select()
    .from(lists)
    .where(and(eq(lists.userId, owner.id), eq(lists.slug, slug)))
  return { ...row!, listId: String(row!.id), sentTo }
}

/** Refused with a message of its own: nothing the person could correct in a field. */
function expectRefused(outcome: unknown, message: string) {
  expect(outcome).toMatchObject({ ok: false, message })
  expect(outcome).not.toHaveProperty('fieldErrors')
}

/** Every list and entry in the database, to show that a refused change changed nothing. */
const everything = async () => ({
  lists: await db.select().from(lists).orderBy(asc(lists.id)),
  entries: await db.select().from(listEntries).orderBy(asc(listEntries.listId), asc(listEntries.filmId)), // prettier-ignore
})

async function order(owner: Person, slug: string) {
  const page = await findListPage(owner.username, slug, owner, db)
  return page!.entries.map((entry) => String(entry.film.id))
}

describe('making lists', () => {
  it('keeps the text as typed, trimmed, with the visibility chosen', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const list = await newList(ann, { title: '  <b>Bold</b> & "quoted"  ', description: 'Line one\r\nLine two' }) // prettier-ignore
    expect(list).toMatchObject({ title: '<b>Bold</b> & "quoted"', description: 'Line one\nLine two', visibility: 'private', userId: ann.id }) // prettier-ignore
    const open = await newList(ann, { title: 'Open', visibility: 'public' })
    expect(open).toMatchObject({ title: 'Open', description: '', visibility: 'public' })
  })

  it('sends the person to the new list and refreshes the pages that show it', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const list = await newList(ann, { title: 'Seen in 2026', visibility: 'public' })
    expect(list.sentTo).toBe(`/u/${ann.username}/lists/seen-in-2026`)
    expect(revalidatedPaths()).toEqual(['/lists', list.sentTo, `${list.sentTo}/edit`, `/u/${ann.username}`]) // prettier-ignore
  })

  it('ignores a forged owner: the list belongs to whoever is signed in', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    await signInAs(ben)
    const list = await newList(ben, { userId: ann.id, slug: 'chosen', id: '1' })
    expect(list).toMatchObject({ userId: ben.id, slug: 'war-films' })
    expect(await listsOf(ann, db)).toEqual([])
  })
})

describe('bad input never writes', () => {
  const tooLong = (max: number) =>
    fc.string({ unit: 'grapheme-ascii', minLength: max + 1, maxLength: max + 40 }).filter((s) => s.trim().length > max) // prettier-ignore
  const blank = fc.constantFrom('', ' ', '\n\t ', '\u00a0')
  // What a forged form may send for an id: text of every kind, or nothing.
  const badId = fc.oneof(
    fc.constantFrom(undefined, 'null', '', 'abc', '1.5', '-1', '0', '1e400', 'NaN', '9007199254740993', '[object Object]'), // prettier-ignore
    fc.integer({ max: 0 }).map(String),
    fc.double({ noInteger: true }).map(String),
  )

  it('refuses titles that are empty or too long and descriptions that are too long', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const { listId } = await newList(ann)
    const before = await everything()
    const badFields = fc.oneof(
      fc.record({ title: fc.oneof(blank, tooLong(100)), visibility: fc.constantFrom('public', 'private') }), // prettier-ignore
      fc.record({ title: fc.constant('Fine'), description: tooLong(2000), visibility: fc.constant('public') }), // prettier-ignore
      fc.record({ title: fc.constant('Fine'), visibility: fc.constantFrom(undefined, '', 'secret', 'PUBLIC') }), // prettier-ignore
      fc.record({ title: fc.constant('Tab\there'), visibility: fc.constant('public') }),
    )
    await fc.assert(
      fc.asyncProperty(badFields, async (fields) => {
        const created = await createListAction(null, form(fields))
        const updated = await updateListAction(null, form({ ...fields, listId }))
        for (const outcome of [created, updated]) {
          expect(outcome).toMatchObject({ ok: false, message: CHECK_FIELDS })
          if (!outcome.ok) expect(Object.keys(outcome.fieldErrors ?? {})).not.toEqual([])
        }
      }),
      { numRuns: 60 },
    )
    expect(await everything()).toEqual(before)
    expect(await updateListAction(null, form({ listId, title: 'Tab\there', visibility: 'public' }))).toMatchObject({ fieldErrors: { title: [CONTROL_CHARACTERS] } }) // prettier-ignore
  })

  it('says what is wrong with each field', async () => {
    await signInAs(await newPerson())
    const description = 'x'.repeat(2001)
    const outcome = await createListAction(null, form({ title: '', description }))
    expect(outcome).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: {
        title: [listMessages.titleMissing],
        description: [listMessages.descriptionLong],
        visibility: [listMessages.visibilityMissing],
      },
      values: { title: '', description },
    })
  })

  it('counts characters, not UTF-16 units or CRLF pairs', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const made = await outcomeOf(createListAction(null, form({ title: '🎞'.repeat(100), visibility: 'public' }))) // prettier-ignore
    expect(made).toHaveProperty('redirectedTo')
    expect(await createListAction(null, form({ title: '🎞'.repeat(101), visibility: 'public' }))).toMatchObject({ ok: false, fieldErrors: { title: [listMessages.titleLong] } }) // prettier-ignore
    const { listId } = await newList(ann)
    await addToListAction(null, form({ listId, filmId: cranes }))
    const note = (text: string) =>
      saveNoteAction(null, form({ listId, filmId: cranes, note: text }))
    expect((await note('ab\r\n'.repeat(166) + 'xy')).ok).toBe(true) // 500 characters in a textarea
    expect((await note('x'.repeat(501))).ok).toBe(false)
  })

  it('refuses notes over 500 characters, bad ids and unknown films', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const { listId } = await newList(ann)
    await addToListAction(null, form({ listId, filmId: cranes }))
    await saveNoteAction(null, form({ listId, filmId: cranes, note: 'Kept' }))
    const before = await everything()
    // A hidden id is nothing the person can correct: the message says it, with no field errors.
    await fc.assert(
      fc.asyncProperty(tooLong(500), badId, async (note, id) => {
        const tooLongNote = await saveNoteAction(null, form({ listId, filmId: cranes, note }))
        expect(tooLongNote).toMatchObject({ ok: false, fieldErrors: { note: [listMessages.noteLong] } }) // prettier-ignore
        expectRefused(await addToListAction(null, form({ listId: id, filmId: ascent })), listMessages.listNotFound) // prettier-ignore
        expectRefused(await addToListAction(null, form({ listId, filmId: id })), FILM_NOT_FOUND) // prettier-ignore
        expectRefused(await moveEntryAction(null, form({ listId: id, filmId: cranes, direction: 'up' })), listMessages.listNotFound) // prettier-ignore
        expectRefused(await removeFromListAction(null, form({ listId, filmId: id })), FILM_NOT_FOUND) // prettier-ignore
        expectRefused(await deleteListAction(null, form({ listId: id, confirm: 'on' })), listMessages.listNotFound) // prettier-ignore
        expectRefused(await updateListAction(null, form({ listId: id, title: 'T', visibility: 'public' })), listMessages.listNotFound) // prettier-ignore
      }),
      { numRuns: 40 },
    )
    expect(await addToListAction(null, form({ listId, filmId: unknownFilmId }))).toEqual({
      ok: false,
      message: FILM_NOT_FOUND,
      values: { listId, filmId: unknownFilmId },
    })
    expect(await moveEntryAction(null, form({ listId, filmId: cranes, direction: 'sideways' }))).toEqual({ ok: false, message: listMessages.directionMissing, values: { listId, filmId: cranes, direction: 'sideways' } }) // prettier-ignore
    expectRefused(await moveEntryAction(null, form({ listId, filmId: ascent, direction: 'up' })), listMessages.entryNotFound) // prettier-ignore
    expect(await saveNoteAction(null, form({ listId, filmId: cranes }))).toMatchObject({ ok: false, fieldErrors: { note: [listMessages.noteMissing] } }) // prettier-ignore
    expectRefused(await saveNoteAction(null, form({ listId, filmId: ascent, note: 'Not on it' })), listMessages.entryNotFound) // prettier-ignore
    expect(await deleteListAction(null, form({ listId }))).toEqual({ ok: false, message: CHECK_FIELDS, fieldErrors: { confirm: [listMessages.confirmMissing] }, values: { listId } }) // prettier-ignore
    expect(await deleteListAction(null, form({ listId, confirm: 'yes' }))).toMatchObject({ ok: false, fieldErrors: { confirm: [listMessages.confirmMissing] } }) // prettier-ignore
    expect(await everything()).toEqual(before)
  })
})

describe('one person cannot touch another’s lists', () => {
  it('answers a forged list id as if there were no such list, and changes nothing', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    await signInAs(ann)
    const list = await newList(ann, { visibility: 'public' })
    const { listId } = list
    await addToListAction(null, form({ listId, filmId: cranes }))
    await addToListAction(null, form({ listId, filmId: ascent }))
    const before = await everything()
    const refreshedBefore = revalidatedPaths().length
    await signInAs(ben)
    // Naming Ann as the owner in the request changes nothing either.
    const forged = { userId: ann.id }
    const attempts = [
      addToListAction(null, form({ ...forged, listId, filmId: comeAndSee })),
      removeFromListAction(null, form({ ...forged, listId, filmId: cranes })),
      moveEntryAction(null, form({ ...forged, listId, filmId: ascent, direction: 'up' })),
      saveNoteAction(null, form({ ...forged, listId, filmId: cranes, note: 'Ben was here' })),
      updateListAction(null, form({ ...forged, listId, title: 'Mine now', visibility: 'private' })),
      deleteListAction(null, form({ ...forged, listId, confirm: 'on' })),
    ]
    for (const outcome of await Promise.all(attempts)) {
      expect(outcome).toMatchObject({ ok: false, message: listMessages.listNotFound })
      expect(outcome).not.toHaveProperty('fieldErrors')
    }
    expect(await everything()).toEqual(before)
    expect(await listsOf(ben, db)).toEqual([])
    expect(revalidatedPaths().slice(refreshedBefore)).toEqual([])
  })
})

describe('films on a list', () => {
  it('says whether the film was added, by the list’s title, reading ids in plain digits only', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const list = await newList(ann, { title: 'To see' })
    const { listId } = list
    expect(await addToListAction(null, form({ listId, filmId: cranes }))).toEqual({
      ok: true,
      message: 'Added to “To see”.',
    })
    expect(await addToListAction(null, form({ listId, filmId: cranes }))).toEqual({ ok: true, message: listMessages.alreadyOn('To see') }) // prettier-ignore
    expect(await addToListAction(null, form({ listId: ` ${listId}`, filmId: `${cranes} ` }))).toMatchObject({ ok: false }) // prettier-ignore
    expect(await order(ann, list.slug)).toEqual([cranes])
  })

  it('moves entries and removes them, refreshing the list’s pages', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const list = await newList(ann)
    const { listId } = list
    for (const id of [cranes, ascent]) await addToListAction(null, form({ listId, filmId: id }))
    expect(await moveEntryAction(null, form({ listId, filmId: ascent, direction: 'up' }))).toEqual({ ok: true }) // prettier-ignore
    expect(await order(ann, list.slug)).toEqual([ascent, cranes])
    expect(await removeFromListAction(null, form({ listId, filmId: ascent }))).toEqual({ ok: true }) // prettier-ignore
    expect(await removeFromListAction(null, form({ listId, filmId: ascent }))).toEqual({ ok: true }) // prettier-ignore
    expect(await order(ann, list.slug)).toEqual([cranes])
    // A private list shows on its own page and on /lists, not on the profile.
    expect(new Set(revalidatedPaths())).toEqual(new Set(['/lists', list.sentTo, `${list.sentTo}/edit`])) // prettier-ignore
  })

  it('saves a note trimmed, keeping what looks like markup as text', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const list = await newList(ann)
    const { listId } = list
    await addToListAction(null, form({ listId, filmId: cranes }))
    const note = '  Seen at the <Illuzion> cinema\r\n  '
    expect(await saveNoteAction(null, form({ listId, filmId: cranes, note }))).toEqual({
      ok: true,
      message: listMessages.noteSaved,
    })
    const page = await findListPage(ann.username, list.slug, ann, db)
    expect(page!.entries[0]!.note).toBe('Seen at the <Illuzion> cinema')
  })
})

describe('changing and deleting a list', () => {
  it('saves changes and refreshes the profile, whose lists may have changed', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const list = await newList(ann)
    const outcome = await updateListAction(
      null,
      form({ listId: list.listId, title: ' Renamed ', visibility: 'public' }),
    )
    expect(outcome).toEqual({ ok: true, message: listMessages.saved })
    const [row] = await db.select().from(lists).where(eq(lists.id, list.id))
    // The slug stays, so that links keep working.
    expect(row).toMatchObject({ title: 'Renamed', slug: list.slug, visibility: 'public' })
    expect(revalidatedPaths().slice(-4)).toEqual(['/lists', list.sentTo, `${list.sentTo}/edit`, `/u/${ann.username}`]) // prettier-ignore
  })

  it('deletes a list with its entries only once confirmed, then sends the person to /lists', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const list = await newList(ann)
    await addToListAction(null, form({ listId: list.listId, filmId: cranes }))
    expect(await deleteListAction(null, form({ listId: list.listId }))).toMatchObject({ ok: false }) // prettier-ignore
    expect(await db.$count(lists, eq(lists.id, list.id))).toBe(1)
    const sentTo = await redirectOf(deleteListAction(null, form({ listId: list.listId, confirm: 'on' }))) // prettier-ignore
    expect(sentTo).toBe('/lists?deleted=1')
    expect(await db.$count(lists, eq(lists.id, list.id))).toBe(0)
    expect(await db.$count(listEntries, eq(listEntries.listId, list.id))).toBe(0)
  })
})
