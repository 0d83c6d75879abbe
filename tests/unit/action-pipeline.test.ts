import { eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addToList } from '@/db/list-entries'
import { createList } from '@/db/lists'
import { saveRating } from '@/db/ratings'
import { films, users } from '@/db/schema'
import { createUserWithPassword } from '@/db/users'
import { addToWatchlist } from '@/db/watchlist'
import { hashPassword } from '@/lib/password'
import {
  asEndpoint,
  cookiesSet,
  databaseForActions,
  form,
  outcomeOf,
  refreshes,
  revalidatedPaths,
  signInAs,
} from '../helpers/server-actions'
import { everyRow } from '../helpers/table-rows'

// What every server action does the same way, through lib/action.ts: who is asking, reading the
// form, and what a failure sends back.
const db = await databaseForActions()
const { UNREADABLE_FORM } = await import('@/lib/action')
const { rateFilm, removeRating } = await import('@/app/actions/ratings')
const { updateWatchlist, updateWatchlistVisibility } = await import('@/app/actions/watchlist')
const lists = await import('@/app/actions/lists')
const { changePassword, deleteAccount } = await import('@/app/(per-request)/settings/actions')
const { chooseUsernameAction } = await import('@/app/(per-request)/welcome/actions')
const { signInWithPassword } = await import('@/app/(per-request)/signin/actions')
const { signUp } = await import('@/app/(per-request)/signup/actions')

const PASSWORD = 'correct horse battery'
const passwordHash = await hashPassword(PASSWORD)
const catalogue = await db.select({ id: films.id, slug: films.slug }).from(films)
const filmId = (slug: string) => String(catalogue.find((film) => film.slug === slug)!.id)
const [cranes, ascent, comeAndSee, liberation] = ['the-cranes-are-flying', 'the-ascent', 'come-and-see', 'liberation'].map(filmId) as [string, string, string, string] // prettier-ignore

let counter = 0
/**
 * A member with a password, a rating, a film on their watchlist and a list of two films: what
 * every action's valid form acts on. Each test has its own.
 */
async function newMember() {
  counter++
  const account = { username: `member_${counter}`, email: `member${counter}@example.test` }
  const created = await createUserWithPassword({ ...account, passwordHash }, db)
  if (!created.ok) throw new Error('could not create the account')
  const viewer = { id: created.id }
  await saveRating(viewer, { filmId: Number(liberation), score: 6 }, db)
  await addToWatchlist(viewer, { filmId: Number(cranes) }, db)
  const list = await createList(viewer, { title: 'War films', description: '', visibility: 'public' }, db) // prettier-ignore
  for (const id of [cranes, ascent]) await addToList(viewer, { listId: list.id, filmId: Number(id) }, db) // prettier-ignore
  return { ...viewer, ...account, listId: String(list.id) }
}
type Member = Awaited<ReturnType<typeof newMember>>

type Fields = Record<string, string>
type Case = {
  action: unknown
  /** The fields its schema reads. */
  fields: readonly string[]
  /** Fields that would change something, were the request let through. */
  valid: (member: Member) => Fields
  /** A submission it refuses. */
  failing: (member: Member) => Fields
}

/** Every action a member's session is needed for, and where the sign-in page sends them back. */
const memberActions: Record<string, Case & { returnTo: string }> = {
  rateFilm: {
    action: rateFilm,
    returnTo: '/films',
    fields: ['filmId', 'score'],
    valid: () => ({ filmId: liberation, score: '9' }),
    failing: () => ({ filmId: liberation, score: '11' }),
  },
  removeRating: {
    action: removeRating,
    returnTo: '/films',
    fields: ['filmId'],
    valid: () => ({ filmId: liberation }),
    failing: () => ({ filmId: 'Liberation' }),
  },
  updateWatchlist: {
    action: updateWatchlist,
    returnTo: '/watchlist',
    fields: ['filmId', 'change'],
    valid: () => ({ filmId: comeAndSee, change: 'add' }),
    failing: () => ({ filmId: comeAndSee, change: 'toggle' }),
  },
  updateWatchlistVisibility: {
    action: updateWatchlistVisibility,
    returnTo: '/settings',
    fields: ['watchlistPublic'],
    valid: () => ({ watchlistPublic: 'on' }),
    failing: () => ({ watchlistPublic: 'yes' }),
  },
  createListAction: {
    action: lists.createListAction,
    returnTo: '/lists',
    fields: ['title', 'description', 'visibility'],
    valid: () => ({ title: 'New list', visibility: 'public' }),
    failing: () => ({ title: ' ', description: ' As typed ', visibility: 'public' }),
  },
  updateListAction: {
    action: lists.updateListAction,
    returnTo: '/lists',
    fields: ['listId', 'title', 'description', 'visibility'],
    valid: ({ listId }) => ({ listId, title: 'Renamed', visibility: 'private' }),
    failing: ({ listId }) => ({ listId, title: 'Renamed', visibility: 'secret' }),
  },
  deleteListAction: {
    action: lists.deleteListAction,
    returnTo: '/lists',
    fields: ['listId', 'confirm'],
    valid: ({ listId }) => ({ listId, confirm: 'on' }),
    failing: ({ listId }) => ({ listId, confirm: 'off' }),
  },
  addToListAction: {
    action: lists.addToListAction,
    returnTo: '/lists',
    fields: ['listId', 'filmId'],
    valid: ({ listId }) => ({ listId, filmId: comeAndSee }),
    failing: ({ listId }) => ({ listId, filmId: '999999' }),
  },
  saveNoteAction: {
    action: lists.saveNoteAction,
    returnTo: '/lists',
    fields: ['listId', 'filmId', 'note'],
    valid: ({ listId }) => ({ listId, filmId: cranes, note: 'Seen twice' }),
    failing: ({ listId }) => ({ listId, filmId: cranes, note: 'x'.repeat(501) }),
  },
  moveEntryAction: {
    action: lists.moveEntryAction,
    returnTo: '/lists',
    fields: ['listId', 'filmId', 'direction'],
    valid: ({ listId }) => ({ listId, filmId: ascent, direction: 'up' }),
    failing: ({ listId }) => ({ listId, filmId: ascent, direction: 'left' }),
  },
  removeFromListAction: {
    action: lists.removeFromListAction,
    returnTo: '/lists',
    fields: ['listId', 'filmId'],
    valid: ({ listId }) => ({ listId, filmId: cranes }),
    failing: () => ({ listId: '0', filmId: cranes }),
  },
  changePassword: {
    action: changePassword,
    returnTo: '/settings',
    fields: ['currentPassword', 'newPassword'],
    valid: () => ({ currentPassword: PASSWORD, newPassword: 'a brand new password' }),
    failing: () => ({ currentPassword: 'a wrong guess', newPassword: 'a brand new password' }),
  },
  deleteAccount: {
    action: deleteAccount,
    returnTo: '/settings',
    fields: ['password', 'username'],
    valid: () => ({ password: PASSWORD }),
    failing: ({ username }) => ({ password: 'a wrong guess', username }),
  },
  chooseUsernameAction: {
    action: chooseUsernameAction,
    returnTo: '/welcome',
    fields: ['username'],
    valid: () => ({ username: `chosen_${counter}` }),
    failing: () => ({ username: 'Not valid!' }),
  },
}

/** The actions anyone may send. */
const publicActions: Record<string, Case> = {
  signInWithPassword: {
    action: signInWithPassword,
    fields: ['email', 'password'],
    valid: ({ email }) => ({ email, password: PASSWORD }),
    failing: ({ email }) => ({ email, password: 'a wrong guess' }),
  },
  signUp: {
    action: signUp,
    fields: ['username', 'email', 'password'],
    valid: () => ({ username: `newcomer_${counter}`, email: `newcomer${counter}@example.test`, password: 'a brand new password' }), // prettier-ignore
    failing: ({ email }) => ({ username: `newcomer_${counter}`, email, password: 'a brand new password' }), // prettier-ignore
  },
}

const allActions = { ...memberActions, ...publicActions }

/** Anything but (form data) or (previous state, form data): what a forged request might send. */
const notFormData = (fields: Fields): [string, unknown[]][] => [
  ['no arguments', []],
  ['(null)', [null]],
  ['(undefined)', [undefined]],
  ['a plain object', [fields]],
  ['(null, a plain object)', [null, fields]],
  ['a JSON string', [JSON.stringify(fields)]],
  ['(null, a JSON string)', [null, JSON.stringify(fields)]],
  ['(FormData, FormData)', [form(fields), form(fields)]],
  ['(FormData, null)', [form(fields), null]],
  ['(null, FormData, more)', [null, form(fields), form(fields)]],
  ['an array', [Object.entries(fields)]],
  ['(null, an array)', [null, Object.entries(fields)]],
  ['URLSearchParams', [new URLSearchParams(fields)]],
]

/** Nothing written, no page refreshed, no cookie set since `before`. */
async function expectNothingWritten(before: Awaited<ReturnType<typeof everyRow>>) {
  expect(await everyRow(db)).toEqual(before)
  expect(revalidatedPaths()).toEqual([])
  expect(refreshes()).toBe(0)
  expect(cookiesSet()).toEqual({})
}

describe('arguments that are not form data', () => {
  it.each(Object.entries(allActions))(
    '%s answers UNREADABLE_FORM, never throws, and writes nothing',
    async (name, { action, valid }) => {
      const member = await newMember()
      // Only an account made through a provider, with no username yet, may choose one.
      if (name === 'chooseUsernameAction') await db.run(sql`update users set username = null where id = ${member.id}`) // prettier-ignore
      if (name in memberActions) await signInAs(member)
      const before = await everyRow(db)
      for (const [shape, args] of notFormData(valid(member))) {
        const answer = await outcomeOf(asEndpoint(action)(...args))
        expect({ shape, answer }).toEqual({
          shape,
          answer: { answered: { ok: false, message: UNREADABLE_FORM } },
        })
      }
      await expectNothingWritten(before)

      // The same fields as form data, as a form or useActionState sends them, are read.
      const [asForm, withState] = [
        await outcomeOf(asEndpoint(action)(form(valid(member)))),
        await outcomeOf(asEndpoint(action)(null, form(valid(member)))),
      ]
      for (const outcome of [asForm, withState]) {
        expect(outcome).not.toEqual({ answered: { ok: false, message: UNREADABLE_FORM } })
      }
      expect(await everyRow(db)).not.toEqual(before)
    },
  )
})

describe('without a session', () => {
  it.each(Object.entries(memberActions))(
    '%s sends the person to sign in and back, and writes nothing',
    async (_name, { action, returnTo, valid }) => {
      const member = await newMember()
      const signIn = (back: string) => `/signin?callbackUrl=${encodeURIComponent(back)}`
      const before = await everyRow(db)
      const call = asEndpoint(action)
      expect(await outcomeOf(call(null, form(valid(member))))).toEqual({ redirectedTo: signIn(returnTo) }) // prettier-ignore
      expect(await outcomeOf(call(form(valid(member))))).toEqual({ redirectedTo: signIn(returnTo) })
      // Who is asking comes first: a forged request learns nothing about its arguments.
      expect(await outcomeOf(call())).toEqual({ redirectedTo: signIn(returnTo) })

      // Back to the page the form was on, when the browser says which.
      await signInAs(null, { referer: 'http://localhost:3000/films/liberation?tab=cast' })
      expect(await outcomeOf(call(null, form(valid(member))))).toEqual({ redirectedTo: signIn('/films/liberation?tab=cast') }) // prettier-ignore

      // A cookie that is not a session, or a session that has ended, is no session either.
      await signInAs(null, { cookie: 'authjs.session-token=forged' })
      expect(await outcomeOf(call(null, form(valid(member))))).toEqual({ redirectedTo: signIn(returnTo) }) // prettier-ignore
      await signInAs(member)
      await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, member.id)) // prettier-ignore
      const ended = await everyRow(db)
      expect(await outcomeOf(call(null, form(valid(member))))).toEqual({ redirectedTo: signIn(returnTo) }) // prettier-ignore
      expect(await everyRow(db)).toEqual(ended)
      await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} - 1` }).where(eq(users.id, member.id)) // prettier-ignore
      await expectNothingWritten(before)
    },
  )
})

describe('what a refused submission sends back', () => {
  const isPasswordField = (name: string) => /password/i.test(name)

  it.each(Object.entries(allActions))(
    '%s echoes the typed values, but never a password',
    async (name, { action, fields, failing }) => {
      const member = await newMember()
      if (name in memberActions) await signInAs(member)
      const typed = failing(member)
      // Fields the schema does not read, password-like or not, are neither read nor sent back.
      const decoys = { passwordConfirm: 'decoy', PASSWORD: 'decoy', nickname: 'decoy' }
      const answer = await asEndpoint(action)(null, form({ ...typed, ...decoys }))
      const echoed = Object.fromEntries(
        Object.entries(typed).filter(
          ([field]) => fields.includes(field) && !isPasswordField(field),
        ),
      )
      expect(answer).toMatchObject({ ok: false, values: echoed })
      expect((answer as { values: Fields }).values).toEqual(echoed)
    },
  )

  it('never sends back a password, whatever is typed into any form', async () => {
    const member = await newMember()
    const text = fc.option(fc.string({ maxLength: 12 }), { nil: undefined })
    const submission = fc.constantFrom(...Object.entries(allActions)).chain(
      ([name, act]) =>
      fc.record(Object.fromEntries(act.fields.map((field) => [field, text]))).map((typed) => ({ name, act, typed })), // prettier-ignore
    )
    await fc.assert(
      fc.asyncProperty(submission, async ({ name, act, typed }) => {
        await signInAs(name in memberActions ? member : null)
        const fields = Object.fromEntries(
          Object.entries(typed).filter(
            (entry): entry is [string, string] => entry[1] !== undefined,
          ),
        )
        const outcome = await outcomeOf(asEndpoint(act.action)(null, form(fields)))
        if (!('answered' in outcome)) return
        const answer = outcome.answered as { ok: boolean; values?: Fields }
        if (answer.ok) return
        for (const [field, value] of Object.entries(answer.values ?? {})) {
          expect(isPasswordField(field)).toBe(false)
          expect(value).toBe(fields[field])
        }
        expect(Object.keys(answer.values ?? {}).sort()).toEqual(
          Object.keys(fields)
            .filter((field) => !isPasswordField(field))
            .sort(),
        )
      }),
      { numRuns: 80 },
    )
    // Some runs check a password (scrypt): slow by design.
  }, 60_000)
})
