import {
  areTagsExpired,
  tagsManifest,
} from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pageTag } from '@/lib/cache/page-tags'
import { keepTimeOriginOnWallClock } from '@/lib/server/wall-clock'

const TAG = pageTag('/films/clock-test')

/** A page Next stored a second ago, then a rating's `revalidatePath`: is the copy expired? */
function expiredRightAfterTheWrite() {
  const storedAt = Date.now() - 1000
  tagsManifest.set(TAG, { expired: Date.now() })
  return areTagsExpired([TAG], storedAt)
}

describe('Next’s cache with the wall clock 30 s ahead of the process’s time origin', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    // Back to Performance.prototype's own time origin.
    Reflect.deleteProperty(performance, 'timeOrigin')
    tagsManifest.delete(TAG)
  })
  const wallClockAhead = () => vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 30_000)

  it('misses an expiry for as long as the clocks are apart (why the server keeps them in step)', () => {
    wallClockAhead()
    expect(expiredRightAfterTheWrite()).toBe(false)
  })

  it('sees the expiry at once when the time origin is read off the wall clock', () => {
    keepTimeOriginOnWallClock()
    wallClockAhead()
    const now = performance.timeOrigin + performance.now()
    expect(now).toBeGreaterThanOrEqual(Date.now())
    expect(now).toBeLessThan(Date.now() + 5)
    expect(expiredRightAfterTheWrite()).toBe(true)
  })

  it('leaves performance.now() to measure durations', () => {
    const before = performance.now()
    keepTimeOriginOnWallClock()
    wallClockAhead()
    expect(performance.now()).toBeGreaterThanOrEqual(before)
    expect(performance.now() - before).toBeLessThan(1000)
  })
})
