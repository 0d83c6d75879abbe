import { asc, eq } from 'drizzle-orm'
import fc from 'fast-check'
import { encode } from 'next-auth/jwt'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { startSession } from '@/db/member-sessions'
import { listAudience } from '@/db/known-slugs'
import { addToList, moveEntry, removeFromList, saveEntryNote } from '@/db/list-entries'
import { findListPage, listsForFilm, listsOf, publicListsOf } from '@/db/list-queries'
import { createList, deleteList, updateList } from '@/db/lists'
import { curatedProgressOf, findProfilePage } from '@/db/profiles'
import {
  curatedEntries,
  curatedLists,
  listEntries,
  lists,
  ratings,
  users,
  watchlistEntries,
} from '@/db/schema'
import { deleteUser, type Viewer } from '@/db/users'
import { FEATURED_LIST } from '@/db/featured-list'
import type { ListFields } from '@/lib/rules/lists'
import { sessionUserIdOf, sessionUserOf } from '@/lib/session-user'
import { createTestDatabase } from '../helpers/test-db'
import { catalogueIds, personMaker, type Person } from '../helpers/people'
import { SESSION_COOKIE } from '@/lib/session-cookie'

const db = await createTestDatabase({ seed: true })
const { catalogue, filmId, unknownFilmId } = await catalogueIds(db)
const [cranes, ascent, comeAndSee] = ['the-cranes-are-flying', 'the-ascent', 'come-and-see'].map(filmId) as [number, number, number] // prettier-ignore
const newPerson = personMaker(db, 'lister')

// Validated input, as the actions pass it: the forms' rules and messages are tested through the
// actions in list-actions.test.ts.
const newList = (owner: Viewer, fields: Partial<ListFields> = {}) =>
  createList(owner, { title: 'War films', description: '', visibility: 'private', ...fields }, db) // prettier-ignore

const add = (viewer: Viewer, listId: number, filmId: number) =>
  addToList(viewer, { listId, filmId }, db)
const move = (viewer: Viewer, listId: number, filmId: number, direction: 'up' | 'down') =>
  moveEntry(viewer, { listId, filmId, direction }, db)

/** Every list and entry in the database, to show that a refused change changed nothing. */
const everything = async () => ({
  lists: await db.select().from(lists).orderBy(asc(lists.id)),
  entries: await db.select().from(listEntries).orderBy(asc(listEntries.listId), asc(listEntries.filmId)), // prettier-ignore
})

async function order(owner: Person, slug: string) {
  const page = await findListPage(owner.username, slug, owner, db)
  return page!.entries.map((entry) => entry.film.id)
}

describe('making lists', () => {
  it('gives each list a slug from its title, unique for its owner only', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    expect((await newList(ann, { title: 'Films of 1944!' })).slug).toBe('films-of-1944')
    expect((await newList(ann, { title: 'Films of 1944' })).slug).toBe('films-of-1944-2')
    expect((await newList(ann, { title: 'films OF 1944' })).slug).toBe('films-of-1944-3')
    expect((await newList(ben, { title: 'Films of 1944' })).slug).toBe('films-of-1944')
    expect((await newList(ann, { title: 'Журавли летят' })).slug).toBe('журавли-летят')
    expect((await newList(ann, { title: '<script>alert(1)</script>' })).slug).toBe('script-alert-1-script') // prettier-ignore
    expect((await newList(ann, { title: '!!!' })).slug).toBe('list')
  })

  it('gives lists made at the same moment with one title different slugs', async () => {
    const ann = await newPerson()
    const made = await Promise.all(Array.from({ length: 6 }, () => newList(ann)))
    expect(new Set(made.map((list) => list.slug)).size).toBe(6)
  })

  it('answers with what the pages that show the list are made of', async () => {
    const ann = await newPerson()
    const list = await newList(ann, { title: 'Seen in 2026', visibility: 'public' })
    expect(list).toEqual({ id: list.id, slug: 'seen-in-2026', title: 'Seen in 2026', public: true, ownerUsername: ann.username }) // prettier-ignore
    const [row] = await db.select().from(lists).where(eq(lists.id, list.id))
    expect(row).toMatchObject({ userId: ann.id, description: '', visibility: 'public' })
  })
})

describe('what is not there', () => {
  it('says which of the list, the film or the entry is missing, and changes nothing', async () => {
    const ann = await newPerson()
    const list = await newList(ann)
    await add(ann, list.id, cranes)
    const before = await everything()
    const noList = Math.max(0, ...(await db.select({ id: lists.id }).from(lists)).map((l) => l.id)) + 1 // prettier-ignore
    const listId = list.id
    expect(await add(ann, noList, ascent)).toEqual({ missing: 'list' })
    expect(await add(ann, listId, unknownFilmId)).toEqual({ missing: 'film' })
    expect(await moveEntry(ann, { listId, filmId: ascent, direction: 'up' }, db)).toEqual({ missing: 'entry' }) // prettier-ignore
    expect(await saveEntryNote(ann, { listId, filmId: ascent, note: 'Not on it' }, db)).toEqual({ missing: 'entry' }) // prettier-ignore
    expect(await removeFromList(ann, { listId: noList, filmId: cranes }, db)).toEqual({ missing: 'list' }) // prettier-ignore
    expect(await updateList(ann, { listId: noList, title: 'T', description: '', visibility: 'public' }, db)).toBeNull() // prettier-ignore
    expect(await deleteList(ann, noList, db)).toBeNull()
    expect(await everything()).toEqual(before)
  })
})

describe('one person cannot touch another’s lists', () => {
  it('answers a forged list id as if there were no such list, and changes nothing', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    const list = await newList(ann, { visibility: 'public' })
    await add(ann, list.id, cranes)
    await add(ann, list.id, ascent)
    const before = await everything()
    const listId = list.id
    const attempts = [
      add(ben, list.id, comeAndSee),
      removeFromList(ben, { listId, filmId: cranes }, db),
      move(ben, list.id, ascent, 'up'),
      saveEntryNote(ben, { listId, filmId: cranes, note: 'Ben was here' }, db),
    ]
    for (const outcome of await Promise.all(attempts)) {
      expect(outcome).toEqual({ missing: 'list' })
    }
    expect(await updateList(ben, { listId, title: 'Mine now', description: '', visibility: 'private' }, db)).toBeNull() // prettier-ignore
    expect(await deleteList(ben, listId, db)).toBeNull()
    expect(await everything()).toEqual(before)
    expect(await listsOf(ben, db)).toEqual([])
    expect(await listsForFilm(ben, cranes, db)).toEqual([])
  })
})

describe('films on a list', () => {
  it('adds a film once however often it is added, at the end', async () => {
    const ann = await newPerson()
    const list = await newList(ann)
    expect(await add(ann, list.id, cranes)).toEqual({ list, added: true })
    expect(await add(ann, list.id, ascent)).toEqual({ list, added: true })
    const again = await Promise.all([add(ann, list.id, cranes), add(ann, list.id, cranes)])
    expect(again).toEqual([
      { list, added: false },
      { list, added: false },
    ])
    expect(await order(ann, list.slug)).toEqual([cranes, ascent])
    expect(await listsForFilm(ann, cranes, db)).toEqual([{ id: list.id, slug: list.slug, title: list.title, hasFilm: true }]) // prettier-ignore
  })

  it('gives films added at the same moment their own places', async () => {
    const ann = await newPerson()
    const list = await newList(ann)
    const some = catalogue.slice(0, 8).map((film) => film.id)
    await Promise.all(some.map((id) => add(ann, list.id, id)))
    const positions = await db.select({ position: listEntries.position }).from(listEntries).where(eq(listEntries.listId, list.id)) // prettier-ignore
    expect(new Set(positions.map((row) => row.position)).size).toBe(8)
  })

  it('moves entries up and down, staying put at either end', async () => {
    const ann = await newPerson()
    const list = await newList(ann)
    for (const id of [cranes, ascent, comeAndSee]) await add(ann, list.id, id)
    await move(ann, list.id, comeAndSee, 'up')
    expect(await order(ann, list.slug)).toEqual([cranes, comeAndSee, ascent])
    await move(ann, list.id, cranes, 'down')
    expect(await order(ann, list.slug)).toEqual([comeAndSee, cranes, ascent])
    expect(await move(ann, list.id, comeAndSee, 'up')).toEqual({ list })
    expect(await move(ann, list.id, ascent, 'down')).toEqual({ list })
    expect(await order(ann, list.slug)).toEqual([comeAndSee, cranes, ascent])
    expect(await move(ann, list.id, unknownFilmId, 'up')).toEqual({ missing: 'entry' })
  })

  it('keeps the order a model of the same moves and removals predicts', async () => {
    const ann = await newPerson()
    const ids = catalogue.slice(0, 6).map((film) => film.id)
    const step = fc.record({ index: fc.nat({ max: 5 }), kind: fc.constantFrom('up', 'down', 'remove' as const) }) // prettier-ignore
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const list = await newList(ann, { title: 'Model' })
        for (const id of ids) await add(ann, list.id, id)
        const model = [...ids]
        for (const { index, kind } of steps) {
          const id = ids[index]!
          const at = model.indexOf(id)
          if (kind === 'remove') {
            await removeFromList(ann, { listId: list.id, filmId: id }, db)
            if (at >= 0) model.splice(at, 1)
          } else {
            await move(ann, list.id, id, kind)
            const other = kind === 'up' ? at - 1 : at + 1
            if (at >= 0 && other >= 0 && other < model.length) {
              ;[model[at], model[other]] = [model[other]!, model[at]!]
            }
          }
        }
        expect(await order(ann, list.slug)).toEqual(model)
      }),
      { numRuns: 25 },
    )
  })

  it('saves a note, and removes an entry without an error when it is already gone', async () => {
    const ann = await newPerson()
    const list = await newList(ann)
    await add(ann, list.id, cranes)
    const ids = { listId: list.id, filmId: cranes }
    expect(await saveEntryNote(ann, { ...ids, note: 'Seen at the <Illuzion> cinema' }, db)).toEqual({ list }) // prettier-ignore
    const page = await findListPage(ann.username, list.slug, ann, db)
    expect(page!.entries[0]!.note).toBe('Seen at the <Illuzion> cinema')
    expect(await removeFromList(ann, ids, db)).toEqual({ list })
    expect(await removeFromList(ann, ids, db)).toEqual({ list })
    expect(await saveEntryNote(ann, { ...ids, note: 'Too late' }, db)).toEqual({ missing: 'entry' }) // prettier-ignore
    expect(await order(ann, list.slug)).toEqual([])
  })
})

describe('who may see a list', () => {
  it('shows a private list to its owner only, and a public one to anyone', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    const list = await newList(ann)
    await add(ann, list.id, cranes)
    expect(await findListPage(ann.username, list.slug, ann, db)).toMatchObject({ isOwner: true, visibility: 'private' }) // prettier-ignore
    expect(await findListPage(ann.username, list.slug, ben, db)).toBeNull()
    expect(await findListPage(ann.username, list.slug, null, db)).toBeNull()
    expect(await listAudience(ann.username, list.slug, db)).toEqual({ ownerId: ann.id })
    expect(await publicListsOf(ann.username, db)).toEqual([])
    expect((await findProfilePage(ann.username, db))!.lists).toEqual([])

    expect(await updateList(ann, { listId: list.id, title: 'War films, renamed', description: '', visibility: 'public' }, db)).toEqual({ ...list, title: 'War films, renamed', public: true }) // prettier-ignore
    const seen = await findListPage(ann.username, list.slug, ben, db)
    expect(seen).toMatchObject({ isOwner: false, title: 'War films, renamed', slug: list.slug })
    expect(seen!.entries.map((entry) => entry.film.id)).toEqual([cranes])
    expect(await findListPage(ann.username, list.slug, null, db)).not.toBeNull()
    expect(await listAudience(ann.username, list.slug, db)).toBe('everyone')
    expect((await findProfilePage(ann.username, db))!.lists).toMatchObject([{ id: list.id, filmCount: 1 }]) // prettier-ignore

    // The list lives under its owner's name only.
    expect(await findListPage(ben.username, list.slug, ann, db)).toBeNull()
    expect(await listAudience(ben.username, list.slug, db)).toBeNull()
    expect(await listAudience(ann.username, 'no-such-list', db)).toBeNull()
  })
})

describe('deleting', () => {
  it('deletes a list with its entries, and nobody else’s', async () => {
    const ann = await newPerson()
    const ben = await newPerson()
    const list = await newList(ann)
    const bens = await newList(ben)
    await add(ann, list.id, cranes)
    await add(ben, bens.id, cranes)
    expect(await deleteList(ann, list.id, db)).toEqual(list)
    expect(await deleteList(ann, list.id, db)).toBeNull()
    expect(await db.$count(lists, eq(lists.id, list.id))).toBe(0)
    expect(await db.$count(listEntries, eq(listEntries.listId, list.id))).toBe(0)
    expect(await db.$count(listEntries, eq(listEntries.listId, bens.id))).toBe(1)
  })

  it('removes a person’s lists with their account', async () => {
    const ann = await newPerson()
    const list = await newList(ann, { visibility: 'public' })
    await add(ann, list.id, cranes)
    await deleteUser(ann, db)
    expect(await db.$count(lists, eq(lists.userId, ann.id))).toBe(0)
    expect(await db.$count(listEntries, eq(listEntries.listId, list.id))).toBe(0)
    expect(await findProfilePage(ann.username, db)).toBeNull()
  })
})

describe('profiles and progress', () => {
  it('shows ratings newest first and counts the curated films the viewer has rated', async () => {
    const ann = await newPerson()
    const featured = await db
      .select({ filmId: curatedEntries.filmId })
      .from(curatedEntries)
      .innerJoin(curatedLists, eq(curatedLists.id, curatedEntries.listId))
      .where(eq(curatedLists.slug, FEATURED_LIST.slug))
    const onList = featured[0]!.filmId!
    const offList = catalogue.find((film) => !featured.some((f) => f.filmId === film.id))!.id
    const total = featured.length
    expect(await curatedProgressOf(ann, FEATURED_LIST.slug, db)).toEqual({ rated: 0, total })
    await db.insert(ratings).values([
      { userId: ann.id, filmId: onList, score: 7, ratedAt: new Date('2026-01-01') },
      { userId: ann.id, filmId: offList, score: 2, ratedAt: new Date('2026-02-01') },
    ])
    expect(await curatedProgressOf(ann, FEATURED_LIST.slug, db)).toEqual({ rated: 1, total })
    const profile = await findProfilePage(ann.username, db)
    expect(profile!.ratingCount).toBe(2)
    expect(profile!.ratings.map((rating) => rating.score)).toEqual([2, 7])
    expect(profile!.watchlist).toBeNull()

    // The watchlist shows only once its owner has made it public.
    await db
      .insert(watchlistEntries)
      .values({ userId: ann.id, filmId: cranes, addedAt: new Date() })
    expect((await findProfilePage(ann.username, db))!.watchlist).toBeNull()
    await db.update(users).set({ watchlistPublic: true }).where(eq(users.id, ann.id))
    const shown = (await findProfilePage(ann.username, db))!.watchlist
    expect(shown?.map((film) => film.slug)).toEqual(['the-cranes-are-flying'])
  })
})

describe('reading the session cookie (pages, and the owner check server.ts makes)', () => {
  const secret = 'a test secret that is long enough to be accepted'
  vi.stubEnv('AUTH_SECRET', secret)
  afterAll(() => vi.unstubAllEnvs())

  it('knows the person from a valid session cookie, and nobody from anything else', async () => {
    const ann = await newPerson()
    const sessionId = await startSession(ann.id, new Date(), db)
    const cookie = async (name: string, sessionVersion = 1, key = secret) =>
      `theme=dark; ${name}=${await encode({ token: { sub: ann.id, sessionId, sessionVersion }, secret: key, salt: name })}` // prettier-ignore
    const { http, https } = SESSION_COOKIE
    expect(await sessionUserIdOf(await cookie(http), db)).toBe(ann.id)
    expect(await sessionUserIdOf(await cookie(https), db)).toBe(ann.id)
    expect(await sessionUserIdOf(await cookie(http, 2), db)).toBeNull()
    expect(await sessionUserIdOf(await cookie(http, 1, secret.toUpperCase()), db)).toBeNull()
    expect(await sessionUserIdOf(`${http}=forged`, db)).toBeNull()
    expect(await sessionUserIdOf(undefined, db)).toBeNull()
  })

  it('gives pages the id and the current username, and nothing once the session has expired', async () => {
    const ann = await newPerson()
    const name = SESSION_COOKIE.http
    const sessionId = await startSession(ann.id, new Date(), db)
    const cookie = async (maxAge?: number) =>
      `${name}=${await encode({ token: { sub: ann.id, sessionId, sessionVersion: 1 }, secret, salt: name, maxAge })}`
    expect(await sessionUserOf(await cookie(), db)).toEqual({ id: ann.id, username: ann.username })
    await db.update(users).set({ username: 'ann_renamed' }).where(eq(users.id, ann.id))
    expect((await sessionUserOf(await cookie(), db))?.username).toBe('ann_renamed')
    expect(await sessionUserOf(await cookie(-60), db)).toBeNull()
  })
})
