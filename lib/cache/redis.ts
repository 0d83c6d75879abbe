import { createClient, type RedisClientType } from 'redis'
import { config } from '@/config'

type Redis = RedisClientType

const globalForRedis = globalThis as unknown as { kinofrontRedis?: Redis }

/**
 * The process's one connection to the Redis server in REDIS_URL, opened on first use; null when
 * none is configured. Callers check `isReady`, and commands fail at once while it is down (no
 * offline queue): the cache then misses and pages are rendered, rather than requests waiting.
 */
export function redis(): Redis | null {
  const url = config().redisUrl
  if (!url) return null
  globalForRedis.kinofrontRedis ??= connect(url)
  return globalForRedis.kinofrontRedis
}

function connect(url: string): Redis {
  let reported = false
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  })
  client.on('error', (error: Error) => {
    if (!reported) console.error(`Redis (${url}): ${error.message}`)
    reported = true
  })
  client.on('ready', () => (reported = false))
  client.connect().catch(() => {}) // reported by the error event; it keeps reconnecting
  return client
}

/** Closes the connection, if one was opened (at shutdown). */
export async function closeRedis() {
  const client = globalForRedis.kinofrontRedis
  globalForRedis.kinofrontRedis = undefined
  if (client?.isReady) await client.close()
  else if (client?.isOpen) client.destroy()
}

// Tags name data (a page's path), not a build, so one hash serves every deployment.
const TAGS_KEY = 'kinofront:expired-tags'

/** Records that `tags` expired at `at` (ms), for every instance sharing the cache. */
export async function expireSharedTags(client: Redis, tags: readonly string[], at = Date.now()) {
  if (tags.length === 0) return
  await client.hSet(TAGS_KEY, Object.fromEntries(tags.map((tag) => [tag, String(at)])))
}

/** Whether any of `tags` expired after `since` (ms). */
export async function anyTagExpiredSince(client: Redis, tags: readonly string[], since: number) {
  if (tags.length === 0) return false
  const times = await client.hmGet(TAGS_KEY, [...tags])
  return times.some((time) => time !== null && Number(time) > since)
}
