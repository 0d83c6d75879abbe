import { renameSync } from 'node:fs'
import { createClient } from '@libsql/client'
import { count, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { films, lists, ratings } from '@/db/schema'
import { createUserWithPassword } from '@/db/users'
import { databaseForActions, form, signInAs } from '../helpers/server-actions'

// A database that refuses a write gets the form a plain "Couldn't save" with what was typed, and
// nothing is written; so does a database whose file has been deleted from under the server.
const db = await databaseForActions()
const { COULD_NOT_SAVE } = await import('@/lib/database-failure')
const { watchDatabaseFile } = await import('@/lib/server/database-file')
const { rateFilm } = await import('@/app/actions/ratings')
const { createListAction } = await import('@/app/actions/lists')
const { signInWithPassword } = await import('@/app/(per-request)/signin/actions')
const { hashPassword } = await import('@/lib/password')

const databaseFile = process.env.DATABASE_URL!.slice('file:'.length)
const [film] = await db.select({ id: films.id }).from(films).limit(1)
const filmId = String(film!.id)

let counter = 0
async function signedInMember() {
  counter++
  const created = await createUserWithPassword(
    { username: `refused_${counter}`, email: `refused${counter}@example.test`, passwordHash: 'x' },
    db,
  )
  if (!created.ok) throw new Error('could not create the account')
  await signInAs({ id: created.id })
  return created.id
}

const ratingsOf = async (userId: string) =>
  (await db.select({ n: count() }).from(ratings).where(eq(ratings.userId, userId)))[0]!.n
const listsOf = async (userId: string) =>
  (await db.select({ n: count() }).from(lists).where(eq(lists.userId, userId)))[0]!.n

describe('a write the database refuses', () => {
  it('answers "Couldn’t save" with the typed values while another connection holds the write lock (SQLITE_BUSY), and writes nothing', async () => {
    const member = await signedInMember()
    const other = createClient({ url: `file:${databaseFile}` })
    const holding = await other.transaction('write')
    try {
      const answer = await rateFilm(null, form({ filmId, score: '7' }))
      expect(answer).toEqual({ ok: false, message: COULD_NOT_SAVE, values: { filmId, score: '7' } })
    } finally {
      await holding.rollback()
      other.close()
    }
    expect(await ratingsOf(member)).toBe(0)
    // Writes in a transaction commit afterwards (here and in the next test): the driver's
    // connection is not left stuck.
    const another = { username: 'after_busy', email: 'after.busy@example.test', passwordHash: 'x' }
    expect(await createUserWithPassword(another, db)).toMatchObject({ ok: true })
    // The same form goes through once the database takes writes again.
    expect(await rateFilm(null, form({ filmId, score: '7' }))).toMatchObject({ ok: true })
    expect(await ratingsOf(member)).toBe(1)
  }, 20_000)

  it('answers a sign-in (whose writes Auth.js makes) with "Couldn’t save" and the email typed, not an error page', async () => {
    const account = { username: 'busy_sign_in', email: 'busy.sign.in@example.test' }
    const password = 'a long enough passphrase'
    await createUserWithPassword({ ...account, passwordHash: await hashPassword(password) }, db)
    await signInAs(null)
    const other = createClient({ url: `file:${databaseFile}` })
    const holding = await other.transaction('write')
    try {
      const answer = await signInWithPassword(null, form({ email: account.email, password }))
      expect(answer).toEqual({ ok: false, message: COULD_NOT_SAVE, values: { email: account.email } }) // prettier-ignore
    } finally {
      await holding.rollback()
      other.close()
    }
  }, 30_000)
})

describe('a database file deleted from under the server', () => {
  let watch: { stop: () => void } | undefined
  afterEach(() => watch?.stop())

  it('refuses a form with "Couldn’t save" and keeps what was typed, writing nothing', async () => {
    const member = await signedInMember()
    watch = watchDatabaseFile(databaseFile, { intervalMs: 60_000 })
    // Moved aside rather than deleted, so that this test file's other tests keep their database.
    renameSync(databaseFile, `${databaseFile}.moved`)
    try {
      const typed = {
        title: 'Films of 1943',
        description: 'kept when refused',
        visibility: 'public',
      }
      expect(await createListAction(null, form(typed))).toEqual({
        ok: false,
        message: COULD_NOT_SAVE,
        values: { ...typed },
      })
      expect(await listsOf(member)).toBe(0)
    } finally {
      renameSync(`${databaseFile}.moved`, databaseFile)
    }
  })
})
