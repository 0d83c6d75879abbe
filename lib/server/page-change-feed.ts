import type { Database } from '@/db/client'
import { expireTagsHere, pageTag } from '@/lib/cache/page-tags'
import { expireSharedTags, redis } from '@/lib/cache/redis'
import { latestPageChangeId, pageChangesAfter, prunePageChanges } from '@/db/page-changes'
import { forgetFeaturedList } from '@/db/featured-choice'

const PRUNE_EVERY_MS = 10 * 60_000
const KEEP_MS = 60 * 60_000

/**
 * Polls the change log (db/page-changes.ts) every `intervalMs` and hands each batch of stale
 * paths to `apply`, so that writes made by other processes reach this one's caches. Starts after
 * the newest change: what came before is already in the pages this process has yet to render.
 * A failed poll is reported and retried.
 */
export async function followPageChanges(
  { intervalMs, apply }: { intervalMs: number; apply: (paths: string[]) => void | Promise<void> },
  db: Database,
) {
  let lastId = await latestPageChangeId(db)
  let lastPruned = Date.now()
  let failing = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let stopped = false

  async function poll() {
    try {
      const changes = await pageChangesAfter(lastId, {}, db)
      if (changes.length > 0) {
        await apply([...new Set(changes.map((change) => change.path))])
        lastId = changes.at(-1)!.id
      }
      if (Date.now() - lastPruned > PRUNE_EVERY_MS) {
        lastPruned = Date.now()
        await prunePageChanges(new Date(Date.now() - KEEP_MS), db)
      }
      if (failing) console.log('The change log can be read again')
      failing = false
    } catch (error) {
      if (!failing) console.error(`Could not read the change log: ${(error as Error).message}`)
      failing = true
    }
  }

  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = poll().then(schedule)
    }, intervalMs)
  }
  schedule()

  return {
    /** Stops polling, after a poll under way has finished. */
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

/**
 * The server's use of the feed: a changed page is rendered again on its next request, in this
 * process's Next, in the shared cache when there is one, and past the front cache.
 */
export function refreshPagesOnChanges(
  pageCache: { forget(paths: readonly string[]): void },
  db: Database,
) {
  return followPageChanges(
    {
      intervalMs: 250,
      async apply(paths) {
        const tags = paths.map(pageTag)
        expireTagsHere(tags)
        pageCache.forget(paths)
        // The home page changes when another list is featured.
        if (paths.includes('/')) forgetFeaturedList(db)
        const client = redis()
        if (client?.isReady) await expireSharedTags(client, tags)
      },
    },
    db,
  )
}
