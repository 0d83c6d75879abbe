/**
 * Next's cache reads "now" as `performance.timeOrigin + performance.now()`, but stamps its entries
 * and `revalidatePath`'s expiries with `Date.now()` (`areTagsExpired` in
 * next/dist/server/lib/incremental-cache/tags-manifest.external.js, Next 16.4). The two agree when
 * the process starts and drift apart when the wall clock is stepped, or when a virtual machine is
 * paused: its monotonic clock stops there, and its wall clock is set right afterwards. With the wall
 * clock D ahead, every expiry takes effect D late: in one CI run a film page was still served from
 * the cache more than 10 s after a rating. Reading the time origin off the wall clock keeps the two
 * in step; `performance.now()`, which measures durations, stays monotonic.
 */
export function keepTimeOriginOnWallClock(clock: Performance = performance) {
  Object.defineProperty(clock, 'timeOrigin', {
    configurable: true,
    get: () => Date.now() - clock.now(),
  })
}
