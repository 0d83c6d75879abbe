// Next's page cache (`cacheHandler` in next.config.ts) in Redis when REDIS_URL is set, so that
// every instance serves and refreshes the same copy. Written on the official `redis` client after
// Next's Redis example; see the README's "Running several instances" for why not a package.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type {
  CacheHandler,
  CacheHandlerContext,
  CacheHandlerValue,
} from 'next/dist/server/lib/incremental-cache'
import { expireTagsHere } from './page-tags'
import { anyTagExpiredSince, expireSharedTags, redis } from './redis'

type Get = Parameters<CacheHandler['get']>
type Set = Parameters<CacheHandler['set']>
type Stored = CacheHandlerValue & { tags: string[] }

// Entries outlive no page: pages are refreshed hourly, so a week bounds what an idle key costs.
const ENTRY_TTL_SECONDS = 7 * 24 * 3600

export default class RedisCacheHandler implements Pick<CacheHandler, 'get' | 'set'> {
  /** Entries of one build only: another build's pages may differ. Tags are shared by all. */
  private readonly prefix: string

  constructor({ serverDistDir }: CacheHandlerContext) {
    const buildId = serverDistDir
      ? readFileSync(join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
      : 'development'
    this.prefix = `kinofront:${buildId}:`
  }

  async get(key: Get[0], ctx: Get[1]): Promise<CacheHandlerValue | null> {
    const client = redis()
    if (!client?.isReady) return null
    try {
      const raw = await client.get(this.prefix + key)
      if (raw === null) return null
      const stored = decode(raw)
      const tags = [...stored.tags, ...('softTags' in ctx ? (ctx.softTags ?? []) : [])]
      if (await anyTagExpiredSince(client, tags, stored.lastModified)) return null
      return {
        lastModified: stored.lastModified,
        value: stored.value,
        cacheControl: stored.cacheControl,
      }
    } catch (error) {
      console.error(`Redis cache: could not read ${key}: ${(error as Error).message}`)
      return null
    }
  }

  async set(key: Set[0], value: Set[1], ctx: Set[2]): Promise<void> {
    const client = redis()
    if (!client?.isReady) return
    const stored: Stored = {
      lastModified: Date.now(),
      value,
      cacheControl: 'cacheControl' in ctx ? ctx.cacheControl : undefined,
      tags: tagsOf(value, ctx),
    }
    try {
      await client.set(this.prefix + key, encode(stored), {
        expiration: { type: 'EX', value: ENTRY_TTL_SECONDS },
      })
    } catch (error) {
      console.error(`Redis cache: could not store ${key}: ${(error as Error).message}`)
    }
  }

  async revalidateTag(tags: string | string[], _durations?: { expire?: number }): Promise<void> {
    const list = typeof tags === 'string' ? [tags] : tags
    const at = Date.now()
    expireTagsHere(list, at)
    const client = redis()
    if (!client?.isReady) {
      console.error(`Redis cache: not connected, so other instances keep ${list.join(', ')}`)
      return
    }
    await expireSharedTags(client, list, at)
  }

  resetRequestCache() {}
}

/** The tags a cached value is filed under: a page's own (path and layouts), or a fetch's. */
function tagsOf(value: Set[1], ctx: Set[2]): string[] {
  if ('tags' in ctx && Array.isArray(ctx.tags)) return ctx.tags
  const header = value && 'headers' in value ? value.headers?.['x-next-cache-tags'] : undefined
  return typeof header === 'string' ? header.split(',') : []
}

// Page entries hold Buffers (RSC data) and a Map of them (segment data), which JSON cannot.
function encode(stored: Stored): string {
  return JSON.stringify(stored, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key]
    if (raw instanceof Uint8Array) return { $buffer: Buffer.from(raw).toString('base64') }
    if (raw instanceof Map) return { $map: [...raw.entries()] }
    return value
  })
}

function decode(raw: string): Stored {
  return JSON.parse(raw, (_key, value: unknown) => {
    if (value && typeof value === 'object') {
      if ('$buffer' in value) return Buffer.from(value.$buffer as string, 'base64')
      if ('$map' in value) return new Map(value.$map as [string, unknown][])
    }
    return value
  }) as Stored
}
