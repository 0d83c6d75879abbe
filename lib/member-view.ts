// Relative imports only (none yet): lib/routes.ts, which next.config.ts loads, imports this file.

/**
 * How a signed-in member gets the cached pages everyone shares. The browser's own code sets
 * `cookie` once it has seen its session work (components/personal/member-view-cookie.ts); with
 * it, a request that carries a session gets the shared page, and the page asks `statePath` for
 * the member's own part. Without it (no JavaScript, or not yet) the member gets the per-request
 * twin, as before.
 */
export const MEMBER_VIEW = {
  cookie: 'kf-member-js',
  /** The value the browser sets; Next's rewrites read an empty cookie as a missing one. */
  cookieValue: '1',
  /** The member's part of a shared page, as JSON: `?page=<the page's path>`. */
  statePath: '/api/personal',
} as const
