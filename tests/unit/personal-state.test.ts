import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { desc, eq } from 'drizzle-orm'
import { encode } from 'next-auth/jwt'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { logViewing, setWatched } from '@/db/diary'
import { FEATURED_LIST } from '@/db/featured-list'
import { addToList } from '@/db/list-entries'
import { createList } from '@/db/lists'
import { filmStateOf, personalStateOf } from '@/db/personal-state'
import { saveRating } from '@/db/ratings'
import { memberSessions, users } from '@/db/schema'
import { deleteUser } from '@/db/users'
import { addToWatchlist } from '@/db/watchlist'
import { MEMBER_VIEW } from '@/lib/member-view'
import { servePersonalState } from '@/lib/server/personal-state'
import { SESSION_COOKIE } from '@/lib/session-cookie'
import { endSession, SESSION_LIFETIME, startSession } from '@/db/member-sessions'
import { catalogueIds, personMaker, type Person } from '../helpers/people'
import { createTestDatabase } from '../helpers/test-db'

const SECRET = 'a test secret that is long enough to be accepted'
vi.stubEnv('AUTH_SECRET', SECRET)
afterAll(() => vi.unstubAllEnvs())

const db = await createTestDatabase({ seed: true })
const { filmId } = await catalogueIds(db)
const CRANES = 'the-cranes-are-flying'
const ASCENT = 'the-ascent'
const BALLAD = 'ballad-of-a-soldier'
const COME_AND_SEE = 'come-and-see'
const newPerson = personMaker(db, 'member')

/** A member who has rated The Cranes Are Flying, watchlisted it and put it on one of two lists. */
async function busyMember() {
  const member = await newPerson()
  await saveRating(member, { filmId: filmId(CRANES), score: 7 }, db)
  await addToWatchlist(member, { filmId: filmId(CRANES) }, db)
  const favourites = await createList(member, { title: 'Favourites', description: '', visibility: 'private' }, db) // prettier-ignore
  const later = await createList(member, { title: 'Later', description: '', visibility: 'public' }, db) // prettier-ignore
  await addToList(member, { listId: favourites.id, filmId: filmId(CRANES) }, db)
  return { member, favourites, later }
}

describe('personalStateOf', () => {
  it('gives a film page the member’s rating, watchlist state and lists, with which hold the film', async () => {
    const { member, favourites, later } = await busyMember()
    expect(await personalStateOf(member, { kind: 'film', slug: CRANES }, db)).toEqual({
      username: member.username,
      film: {
        filmId: filmId(CRANES),
        yearStart: 1957,
        diary: { watched: false, entries: [] },
        ownReviews: [],
        today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        rating: 7,
        onWatchlist: true,
        lists: [
          { id: favourites.id, title: 'Favourites', hasFilm: true },
          { id: later.id, title: 'Later', hasFilm: false },
        ],
      },
    })
    expect(await filmStateOf(member, ASCENT, db)).toMatchObject({
      filmId: filmId(ASCENT),
      rating: null,
      onWatchlist: false,
      lists: [
        { id: favourites.id, title: 'Favourites', hasFilm: false },
        { id: later.id, title: 'Later', hasFilm: false },
      ],
    })
  })

  it('shows nobody another member’s rating, watchlist or lists', async () => {
    await busyMember()
    const other = await newPerson()
    expect(await personalStateOf(other, { kind: 'film', slug: CRANES }, db)).toEqual({
      username: other.username,
      film: {
        filmId: filmId(CRANES),
        yearStart: 1957,
        rating: null,
        onWatchlist: false,
        lists: [],
        diary: { watched: false, entries: [] },
        ownReviews: [],
        today: expect.any(String),
      },
    })
  })

  it('gives a film page the member’s own reviews, a private diary’s too, and nobody else’s', async () => {
    const [member, other] = [await newPerson(), await newPerson()]
    await db.update(users).set({ diaryPublic: false }).where(eq(users.id, member.id))
    const viewing = { filmId: filmId(ASCENT), watchedOn: '2026-11-20', score: 8, spoilers: true, rewatch: false, tags: [] } // prettier-ignore
    await logViewing(member, { ...viewing, review: 'Mine, kept private.' }, db)
    await logViewing(other, { ...viewing, review: 'Someone else’s.' }, db)
    expect((await filmStateOf(member, ASCENT, db))?.ownReviews).toEqual([
      {
        id: expect.any(Number),
        author: member.username,
        watchedOn: '2026-11-20',
        score: 8,
        rewatch: false,
        text: 'Mine, kept private.',
        spoilers: true,
      },
    ])
  })

  it('gives a film page the member’s diary: entries newest first, with their flags and tags', async () => {
    const member = await newPerson()
    const viewing = { score: null, review: null, spoilers: false, rewatch: false, tags: [] }
    await logViewing(member, { ...viewing, filmId: filmId(CRANES), watchedOn: '2025-03-01', score: 8, tags: ['cinema', 'again'] }, db) // prettier-ignore
    await logViewing(member, { ...viewing, filmId: filmId(CRANES), watchedOn: '2026-05-09', rewatch: true, review: 'Still.', spoilers: true }, db) // prettier-ignore
    await logViewing(member, { ...viewing, filmId: filmId(ASCENT), watchedOn: '2026-01-01' }, db)
    const state = await filmStateOf(member, CRANES, db)
    expect(state?.diary).toEqual({
      watched: true,
      entries: [
        { id: expect.any(Number), watchedOn: '2026-05-09', score: null, rewatch: true, review: 'Still.', spoilers: true, tags: [] }, // prettier-ignore
        { id: expect.any(Number), watchedOn: '2025-03-01', score: 8, rewatch: false, review: null, spoilers: false, tags: ['cinema', 'again'] }, // prettier-ignore
      ],
    })
    expect(state?.rating).toBe(8)
    await setWatched(member, { filmId: filmId(BALLAD), watched: true }, db)
    expect((await filmStateOf(member, BALLAD, db))?.diary).toEqual({ watched: true, entries: [] })
    expect((await filmStateOf(member, COME_AND_SEE, db))?.diary).toEqual({ watched: false, entries: [] }) // prettier-ignore
  })

  it('gives a curated list how far the member has got through it', async () => {
    const { member } = await busyMember()
    const state = await personalStateOf(member, { kind: 'curatedList', slug: FEATURED_LIST.slug }, db) // prettier-ignore
    expect(state).toEqual({ username: member.username, curatedProgress: { rated: 1, total: 9 } })
  })

  it('gives other pages only the account menu’s name, and a page that is not there nothing more', async () => {
    const { member } = await busyMember()
    const nameOnly = { username: member.username }
    expect(await personalStateOf(member, { kind: 'other' }, db)).toEqual(nameOnly)
    expect(await personalStateOf(member, { kind: 'film', slug: 'no-such-film' }, db)).toEqual(nameOnly) // prettier-ignore
    expect(await personalStateOf(member, { kind: 'curatedList', slug: 'no-such-list' }, db)).toEqual(nameOnly) // prettier-ignore
  })

  it('is null for a member who has deleted their account', async () => {
    const { member } = await busyMember()
    await deleteUser(member, db)
    expect(await personalStateOf(member, { kind: 'film', slug: CRANES }, db)).toBeNull()
  })
})

describe('the personal request (served by server.ts before Next)', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    server = createServer((req, res) => void servePersonalState(req, res, db))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MEMBER_VIEW.statePath}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  const name = SESSION_COOKIE.http
  const cookieOf = async (member: Person, { sessionVersion = 1, maxAge = 3600 } = {}) => {
    const sessionId = await startSession(member.id, new Date(), db)
    return `${MEMBER_VIEW.cookie}=1; ${name}=${await encode({ token: { sub: member.id, sessionId, sessionVersion }, secret: SECRET, salt: name, maxAge })}` // prettier-ignore
  }
  const ask = (page: string, cookie?: string, method = 'GET') =>
    fetch(`${base}?page=${encodeURIComponent(page)}`, {
      method,
      headers: cookie ? { cookie } : {},
    })

  it('answers a member with their own state for the page, never to be stored', async () => {
    const { member } = await busyMember()
    const response = await ask(`/films/${CRANES}`, await cookieOf(member))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const { member: state } = await response.json()
    expect(state.username).toBe(member.username)
    expect(state.film).toMatchObject({ filmId: filmId(CRANES), rating: 7, onWatchlist: true })
  })

  it('reads the home page as the featured curated list', async () => {
    const { member } = await busyMember()
    const { member: state } = await (await ask('/', await cookieOf(member))).json()
    expect(state).toEqual({ username: member.username, curatedProgress: { rated: 1, total: 9 } })
  })

  it('answers null without a live session: none, forged, expired, or ended by a password change', async () => {
    const { member } = await busyMember()
    const page = `/films/${CRANES}`
    const dead = [
      undefined,
      `${name}=forged`,
      await cookieOf(member, { maxAge: -60 }),
      await cookieOf(member, { sessionVersion: 2 }),
    ]
    for (const cookie of dead) {
      const response = await ask(page, cookie)
      expect(response.headers.get('cache-control'), String(cookie)).toBe('private, no-store')
      expect(await response.json(), String(cookie)).toEqual({ member: null })
    }
    await db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, member.id))
    expect(await (await ask(page, await cookieOf(member))).json()).toEqual({ member: null })
  })

  it('answers null once the session is signed out or has run out, for a cookie it has read before', async () => {
    const { member } = await busyMember()
    for (const page of [`/films/${CRANES}`, '/']) {
      const cookie = await cookieOf(member)
      expect((await (await ask(page, cookie)).json()).member?.username, page).toBe(member.username)
      const [session] = await db
        .select({ id: memberSessions.id })
        .from(memberSessions)
        .where(eq(memberSessions.userId, member.id))
        .orderBy(desc(memberSessions.createdAt))
        .limit(1)
      await endSession(session!.id, db)
      expect(await (await ask(page, cookie)).json(), page).toEqual({ member: null })
    }
    const cookie = await cookieOf(member)
    await db
      .update(memberSessions)
      .set({ lastSeenAt: new Date(Date.now() - SESSION_LIFETIME.idle - 60_000) })
      .where(eq(memberSessions.userId, member.id))
    expect(await (await ask(`/films/${CRANES}`, cookie)).json()).toEqual({ member: null })
  })

  it('answers null for a cookie it has read before once the cookie itself has expired', async () => {
    const { member } = await busyMember()
    const cookie = await cookieOf(member, { maxAge: 60 })
    expect((await (await ask(`/films/${CRANES}`, cookie)).json()).member?.film?.rating).toBe(7)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 2 * 60_000)
    expect(await (await ask(`/films/${CRANES}`, cookie)).json()).toEqual({ member: null })
  })
  afterEach(() => vi.useRealTimers())

  it('refuses a page that is not shared, and anything but GET', async () => {
    const { member } = await busyMember()
    const cookie = await cookieOf(member)
    for (const page of ['/settings', `/u/${member.username}`, '/films', 'not a path']) {
      const response = await ask(page, cookie)
      expect(response.status, page).toBe(400)
      expect(await response.json(), page).not.toHaveProperty('member')
    }
    expect((await fetch(base, { headers: { cookie } })).status).toBe(400)
    const posted = await ask(`/films/${CRANES}`, cookie, 'POST')
    expect(posted.status).toBe(405)
    expect(posted.headers.get('allow')).toBe('GET, HEAD')
  })
})
