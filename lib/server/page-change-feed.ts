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

// A page that was being rendered when the change came (for another request, or in the background)
// read the data before the write but is stored after it, so it passes for fresh. Expiring again
// once such renders have finished catches it; a render takes well under this on a busy machine.
const SETTLE_MS = 3000

/**
 * The server's use of the feed: a changed page is rendered again on its next request, in this
 * process's Next, in the shared cache when there is one, and past the front cache. Each change is
 * applied twice: at once, and again `settleMs` later for the renders that were under way.
 */
export async function refreshPagesOnChanges(
  pageCache: { forget(paths: readonly string[]): void },
  db: Database,
  { intervalMs = 250, settleMs = SETTLE_MS } = {},
) {
  async function refresh(paths: string[]) {
    const tags = paths.map(pageTag)
    expireTagsHere(tags)
    pageCache.forget(paths)
    // The home page changes when another list is featured.
    if (paths.includes('/')) forgetFeaturedList(db)
    const client = redis()
    if (client?.isReady) await expireSharedTags(client, tags)
  }

  const settling = new Set<NodeJS.Timeout>()
  const feed = await followPageChanges(
    {
      intervalMs,
      async apply(paths) {
        const again = setTimeout(() => {
          settling.delete(again)
          refresh(paths).catch((error: Error) =>
            console.error(`Could not refresh ${paths.join(', ')}: ${error.message}`),
          )
        }, settleMs)
        settling.add(again)
        await refresh(paths)
      },
    },
    db,
  )
  return {
    async stop() {
      for (const timer of settling) clearTimeout(timer)
      settling.clear()
      await feed.stop()
    },
  }
}
