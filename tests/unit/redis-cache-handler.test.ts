import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { startRedisServer } from '../helpers/redis-server'

// A real redis-server; the handler finds it through REDIS_URL, as the app's configuration says.
const redisServer = await startRedisServer()
vi.stubEnv('REDIS_URL', redisServer.url)
afterAll(() => vi.unstubAllEnvs())

const { default: RedisCacheHandler } = await import('@/lib/cache/redis-cache-handler')
const { closeRedis, expireSharedTags, redis } = await import('@/lib/cache/redis')
afterAll(closeRedis)

type Handler = InstanceType<typeof RedisCacheHandler>
type GetContext = Parameters<Handler['get']>[1]
type SetContext = Parameters<Handler['set']>[2]
type Value = Parameters<Handler['set']>[1]

const dir = mkdtempSync(join(tmpdir(), 'kinofront-builds-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A handler as one instance of the build `buildId` makes it. */
function handlerOfBuild(buildId: string) {
  mkdirSync(join(dir, buildId, 'server'), { recursive: true })
  writeFileSync(join(dir, buildId, 'BUILD_ID'), buildId)
  return new RedisCacheHandler({ serverDistDir: join(dir, buildId, 'server'), revalidatedTags: [], _requestHeaders: {} }) // prettier-ignore
}

const PAGE_GET = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false } as GetContext
const PAGE_SET = { isRoutePPREnabled: false, isFallback: false, cacheControl: { revalidate: 3600, expire: undefined } } as unknown as SetContext // prettier-ignore

/** A cached page as Next stores one: HTML, RSC data and segments as Buffers, its tags in a header. */
function filmPage(slug: string, text: string): Value {
  return {
    kind: 'APP_PAGE',
    html: `<h1>${text}</h1>`,
    rscData: Buffer.from(`rsc ${text}`),
    status: 200,
    postponed: undefined,
    headers: { 'x-next-cache-tags': `_N_T_/layout,_N_T_/films/[slug]/page,_N_T_/films/${slug}` },
    segmentData: new Map([['/_tree', Buffer.from(`tree ${text}`)]]),
  } as unknown as Value
}

await vi.waitFor(() => expect(redis()?.isReady).toBe(true), { timeout: 5000 })

describe('the Redis cache handler', () => {
  it('serves a page stored by one instance to another, Buffers and segment data intact', async () => {
    const [one, other] = [handlerOfBuild('build-a'), handlerOfBuild('build-a')]
    await one.set('/films/liberation', filmPage('liberation', 'Liberation'), PAGE_SET)
    const entry = await other.get('/films/liberation', PAGE_GET)
    expect(entry?.value).toEqual(filmPage('liberation', 'Liberation'))
    expect(entry?.cacheControl).toEqual({ revalidate: 3600 })
    expect(Date.now() - entry!.lastModified).toBeLessThan(60_000)
  })

  it('misses a page whose path was revalidated by any instance after it was stored', async () => {
    const [one, other] = [handlerOfBuild('build-a'), handlerOfBuild('build-a')]
    await one.set('/films/the-ascent', filmPage('the-ascent', 'old'), PAGE_SET)
    await one.set('/films/two-soldiers', filmPage('two-soldiers', 'kept'), PAGE_SET)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await other.revalidateTag(['_N_T_/films/the-ascent'])
    expect(await one.get('/films/the-ascent', PAGE_GET)).toBeNull()
    expect((await one.get('/films/two-soldiers', PAGE_GET))?.value).toEqual(filmPage('two-soldiers', 'kept')) // prettier-ignore

    await new Promise((resolve) => setTimeout(resolve, 5))
    await other.set('/films/the-ascent', filmPage('the-ascent', 'new'), PAGE_SET)
    expect((await one.get('/films/the-ascent', PAGE_GET))?.value).toEqual(filmPage('the-ascent', 'new')) // prettier-ignore
  })

  it('misses a page whose tag the change feed expired (a write by a process without Next)', async () => {
    const handler = handlerOfBuild('build-a')
    await handler.set('/films/come-and-see', filmPage('come-and-see', 'old'), PAGE_SET)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await expireSharedTags(redis()!, ['_N_T_/films/come-and-see'])
    expect(await handler.get('/films/come-and-see', PAGE_GET)).toBeNull()
  })

  it('keeps each build’s pages apart', async () => {
    await handlerOfBuild('build-a').set('/films/ballad-of-a-soldier', filmPage('ballad-of-a-soldier', 'a'), PAGE_SET) // prettier-ignore
    expect(await handlerOfBuild('build-b').get('/films/ballad-of-a-soldier', PAGE_GET)).toBeNull()
  })

  it('misses, rather than waits, while Redis is down', async () => {
    const handler = handlerOfBuild('build-a')
    await handler.set('/films/liberation', filmPage('liberation', 'Liberation'), PAGE_SET)
    redisServer.stop()
    await vi.waitFor(() => expect(redis()?.isReady).toBe(false), { timeout: 5000 })
    expect(await handler.get('/films/liberation', PAGE_GET)).toBeNull()
    await handler.set('/films/liberation', filmPage('liberation', 'Liberation'), PAGE_SET)
  })
})
