import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/db/client'
import { findRating, saveRating } from '@/db/ratings'
import { films, users } from '@/db/schema'
import type { Viewer } from '@/db/users'
import { createTestDatabase } from '../helpers/test-db'

// The actions run as they are; only the session, the page cache and the connection are stood in.
const stand = vi.hoisted(() => ({
  db: undefined as Database | undefined,
  viewer: undefined as Viewer | undefined,
  revalidatePath: vi.fn(),
}))
vi.mock('@/db/client', async (original) => ({
  ...(await original<typeof import('@/db/client')>()),
  getDb: () => stand.db,
}))
vi.mock('@/lib/viewer', () => ({
  requireViewer: async () => stand.viewer,
  pageOfOrigin: async (fallback: string) => fallback,
}))
vi.mock('next/cache', () => ({ revalidatePath: stand.revalidatePath }))
vi.mock('next/headers', () => ({ headers: async () => new Headers() }))
const { rateFilm, removeRating } = await import('@/app/actions/ratings')

const db = await createTestDatabase({ seed: true })
stand.db = db
const [liberation] = await db.select().from(films).where(eq(films.slug, 'liberation'))
const filmId = String(liberation!.id)

let people = 0
async function newPerson(): Promise<Viewer> {
  const [row] = await db
    .insert(users)
    .values({ email: `actor${++people}@example.test` })
    .returning({ id: users.id })
  return { id: row!.id }
}

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return data
}

beforeEach(() => stand.revalidatePath.mockClear())

describe('rating actions', () => {
  it('read the person from the session and ignore a forged user id', async () => {
    const [ann, bob] = [await newPerson(), await newPerson()]
    await saveRating(bob, { filmId, score: '6' }, db)
    stand.viewer = ann
    expect(await rateFilm(null, form({ filmId, score: '9', userId: bob.id }))).toEqual({
      ok: true,
      score: 9,
    })
    expect(await findRating(ann, liberation!.id, db)).toBe(9)
    expect(await findRating(bob, liberation!.id, db)).toBe(6)
    expect(await removeRating(null, form({ filmId, userId: bob.id }))).toEqual({
      ok: true,
      score: null,
    })
    expect(await findRating(bob, liberation!.id, db)).toBe(6)
    expect(stand.revalidatePath.mock.calls).toEqual([['/films/liberation'], ['/films/liberation']])
  })

  it('answer refused input with a message and invalidate nothing that did not change', async () => {
    stand.viewer = await newPerson()
    expect(await rateFilm(null, form({ filmId, score: '2.5' }))).toEqual({
      ok: false,
      message: 'Choose a rating from 0.5 to 5 stars.',
      fieldErrors: { score: ['Choose a rating from 0.5 to 5 stars.'] },
    })
    expect(await rateFilm(null, form({ filmId: '424242', score: '5' }))).toMatchObject({
      ok: false,
      message: 'This film is not in the catalogue.',
    })
    expect(await removeRating(null, form({ filmId }))).toEqual({ ok: true, score: null })
    expect(stand.revalidatePath).not.toHaveBeenCalled()
  })
})
