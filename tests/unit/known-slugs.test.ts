import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { FEATURED_LIST } from '@/db/featured-list'
import { pageAudience, type Lookups } from '@/db/known-slugs'
import { lists, people, users } from '@/db/schema'
import { matchPage } from '@/lib/route-match'
import { PAGE_KINDS } from '@/lib/routes'
import { createTestDatabase } from '../helpers/test-db'

const db = await createTestDatabase({ seed: true })

/** Who may see the page at `path`, as server.ts asks before Next renders it. */
async function audienceAt(path: string) {
  const check = matchPage(path)?.check
  if (!check) throw new Error(`${path} names no page with a lookup`)
  return pageAudience(check, db)
}

let counter = 0
async function newMember() {
  counter++
  const [row] = await db
    .insert(users)
    .values({ username: `known_${counter}`, email: `known${counter}@example.test` })
    .returning({ id: users.id, username: users.username })
  return { id: row!.id, username: row!.username! }
}

async function newList(ownerId: string, slug: string, visibility: 'public' | 'private') {
  const now = new Date()
  await db
    .insert(lists)
    .values({ userId: ownerId, slug, title: slug, visibility, createdAt: now, updatedAt: now })
}

describe('the lookups behind each kind of page', () => {
  it('finds films by slug and by an old slug, and nothing else', async () => {
    expect(await audienceAt('/films/the-cranes-are-flying')).toBe('everyone')
    expect(await audienceAt('/films/the-alive-and-the-dead')).toBe('everyone')
    expect(await audienceAt('/films/no-such-film')).toBeNull()
    expect(await audienceAt('/films/%E0%A4%A')).toBeNull()
  })

  it('finds people and curated lists', async () => {
    const [person] = await db.select({ slug: people.slug }).from(people).limit(1)
    expect(await audienceAt(`/people/${person!.slug}`)).toBe('everyone')
    expect(await audienceAt('/people/nobody-at-all')).toBeNull()
    expect(await audienceAt(`/curated/${FEATURED_LIST.slug}`)).toBe('everyone')
    expect(await audienceAt('/curated/no-such-list')).toBeNull()
  })

  it('remembers a catalogue page once found, so a cached page costs no query', async () => {
    await db.insert(people).values({ slug: 'a-passing-extra', name: 'A Passing Extra' })
    expect(await audienceAt('/people/a-passing-extra')).toBe('everyone')
    await db.delete(people).where(eq(people.slug, 'a-passing-extra'))
    expect(await audienceAt('/people/a-passing-extra')).toBe('everyone')
  })

  it('looks members up every time: an account can be deleted', async () => {
    const ann = await newMember()
    expect(await audienceAt(`/u/${ann.username}`)).toBe('everyone')
    await db.delete(users).where(eq(users.id, ann.id))
    expect(await audienceAt(`/u/${ann.username}`)).toBeNull()
  })

  it("shows a member's public list to everyone and a private one to its owner only", async () => {
    const [ann, ben] = [await newMember(), await newMember()]
    await newList(ann.id, 'seen-this-winter', 'private')
    const path = `/u/${ann.username}/lists/seen-this-winter`
    expect(await audienceAt(path)).toEqual({ ownerId: ann.id })
    await db.update(lists).set({ visibility: 'public' }).where(eq(lists.userId, ann.id))
    expect(await audienceAt(path)).toBe('everyone')
    expect(await audienceAt(`/u/${ben.username}/lists/seen-this-winter`)).toBeNull()
    expect(await audienceAt(`/u/${ann.username}/lists/no-such-list`)).toBeNull()
  })

  it("lets only a list's owner reach its editing page, public or private", async () => {
    const [ann, ben] = [await newMember(), await newMember()]
    await newList(ann.id, 'to-edit', 'public')
    const path = `/u/${ann.username}/lists/to-edit/edit`
    expect(await audienceAt(path)).toEqual({ ownerId: ann.id })
    await db.update(lists).set({ visibility: 'private' }).where(eq(lists.userId, ann.id))
    expect(await audienceAt(path)).toEqual({ ownerId: ann.id })
    expect(await audienceAt(`/u/${ben.username}/lists/to-edit/edit`)).toBeNull()
  })

  it("shows a member's diary and year to everyone, or when private to its owner only", async () => {
    const ann = await newMember()
    for (const path of [`/u/${ann.username}/diary`, `/u/${ann.username}/year/2026`]) {
      expect(await audienceAt(path)).toBe('everyone')
    }
    await db.update(users).set({ diaryPublic: false }).where(eq(users.id, ann.id))
    expect(await audienceAt(`/u/${ann.username}/diary`)).toEqual({ ownerId: ann.id })
    expect(await audienceAt(`/u/${ann.username}/year/2026`)).toEqual({ ownerId: ann.id })
  })

  it("finds a film's reviews page as it finds the film", async () => {
    expect(await audienceAt('/films/the-cranes-are-flying/reviews')).toBe('everyone')
    expect(await audienceAt('/films/no-such-film/reviews')).toBeNull()
  })

  it('has a lookup for every kind of page that names one', async () => {
    for (const kind of Object.values(PAGE_KINDS)) {
      if (!('exists' in kind)) continue
      const path = kind.path.replace(/:(\w+)/g, 'nothing-here')
      expect(await audienceAt(path), path).toBeNull()
    }
  })

  it('will not type-check without a lookup for a kind in the table', () => {
    const none = async () => null
    // @ts-expect-error memberList, named in PAGE_KINDS, has no lookup here
    const lookups: Lookups = { film: none, person: none, curatedList: none, member: none }
    expect(Object.keys(lookups)).not.toContain('memberList')
  })
})
