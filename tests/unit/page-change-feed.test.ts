import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { BUNDLED_LIST_PATH } from '@/db/catalogue-seed'
import { FEATURED_LIST } from '@/db/featured-list'
import { pageChangesAfter, prunePageChanges, recordPageChanges } from '@/db/page-changes'
import { invalidateFromScript } from '@/lib/invalidate'
import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'
import { pageTag } from '@/lib/cache/page-tags'
import { followPageChanges, refreshPagesOnChanges } from '@/lib/server/page-change-feed'
import { finished, runScript } from '../helpers/processes'
import { rowsOf } from '../helpers/table-rows'
import { createTestDatabase, TEN_FILMS } from '../helpers/test-db'

const db = await createTestDatabase({ seed: 'ten' })
const [main] = await rowsOf(db, `select file from pragma_database_list where name = 'main'`)
const databaseFile = String(main?.file)

const dir = mkdtempSync(join(tmpdir(), 'kinofront-feed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A server's feed: every batch of paths it was handed, in order. */
async function follow() {
  const batches: string[][] = []
  const feed = await followPageChanges({ intervalMs: 50, apply: (paths) => void batches.push(paths) }, db) // prettier-ignore
  stops.push(feed.stop)
  return { batches, paths: () => batches.flat() }
}
const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

describe('the change log', () => {
  it('records only pages cached for everyone: per-request pages are no other process’s concern', async () => {
    const before = (await rowsOf(db, 'select max(id) as id from page_changes'))[0]?.id as number
    await invalidateFromScript(db).filmRatings([{ slug: 'come-and-see' }])
    await invalidateFromScript(db).watchlist()
    const recorded = await pageChangesAfter(before ?? 0, {}, db)
    expect(recorded.map((change) => change.path)).toEqual(['/films/come-and-see'])
  })

  it('hands a server each change made after it started, once, and none made before', async () => {
    await recordPageChanges(['/films/liberation'], db)
    const server = await follow()
    await recordPageChanges(['/films/the-ascent', '/films/two-soldiers'], db)
    await expect.poll(server.paths).toEqual(['/films/the-ascent', '/films/two-soldiers'])
    await recordPageChanges(['/films/come-and-see'], db)
    await expect
      .poll(server.paths)
      .toEqual(['/films/the-ascent', '/films/two-soldiers', '/films/come-and-see'])
  })

  it('forgets changes older than a given time', async () => {
    await recordPageChanges(['/films/liberation'], db)
    await prunePageChanges(new Date(Date.now() + 1000), db)
    expect(await rowsOf(db, 'select count(*) as n from page_changes')).toEqual([{ n: 0 }])
  })
})

describe('a server applying the changes', () => {
  it('expires a changed page at once, and again once renders under way at the time have finished', async () => {
    const forgotten: string[][] = []
    const server = await refreshPagesOnChanges({ forget: (paths) => void forgotten.push([...paths]) }, db, { intervalMs: 50, settleMs: 400 }) // prettier-ignore
    stops.push(server.stop)
    const tag = pageTag('/films/the-ascent')
    const written = Date.now()
    await recordPageChanges(['/films/the-ascent'], db)

    await expect.poll(() => forgotten).toEqual([['/films/the-ascent']])
    const first = tagsManifest.get(tag)!.expired!
    expect(first).toBeGreaterThanOrEqual(written)
    // A copy whose render began before the write and was stored after it, within the settling
    // time, passes for fresh after the first expiry and is expired by the second.
    const storedLate = Date.now() + 1
    expect(first).toBeLessThan(storedLate)
    await expect.poll(() => forgotten, { timeout: 2000 }).toEqual([['/films/the-ascent'], ['/films/the-ascent']]) // prettier-ignore
    expect(tagsManifest.get(tag)!.expired!).toBeGreaterThanOrEqual(written + 400)
  })

  it('stops without applying changes that were still settling', async () => {
    const forgotten: string[][] = []
    const server = await refreshPagesOnChanges({ forget: (paths) => void forgotten.push([...paths]) }, db, { intervalMs: 50, settleMs: 300 }) // prettier-ignore
    await recordPageChanges(['/films/two-soldiers'], db)
    await expect.poll(() => forgotten.length).toBe(1)
    await server.stop()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(forgotten).toHaveLength(1)
  })
})

describe('an import by the importer, a process of its own', () => {
  it('reaches a running server within 2 s: the list, the home page and every listed film', async () => {
    const server = await follow()
    const edited = readFileSync(BUNDLED_LIST_PATH, 'utf8').replace(
      'A harrowing anti-war film',
      'An unforgettable anti-war film',
    )
    const listFile = join(dir, 'edited-list.txt')
    writeFileSync(listFile, edited)
    const { code, output } = await finished(
      runScript('scripts/import-list.ts', [listFile], { DATABASE_URL: `file:${databaseFile}` }),
    )
    expect(code, output).toBe(0)
    expect(output).toContain('1 changed')

    const listed = TEN_FILMS.filter((slug) => slug !== 'the-ascent')
    await expect
      .poll(() => server.paths().sort(), { timeout: 2000, interval: 50 })
      .toEqual(['/', '/curated/_featured', `/curated/${FEATURED_LIST.slug}`, ...listed.map((s) => `/films/${s}`)].sort()) // prettier-ignore
  })
})
