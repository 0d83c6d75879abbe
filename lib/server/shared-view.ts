import type { IncomingMessage } from 'node:http'
import { MEMBER_VIEW } from '@/lib/member-view'
import { cookieHeaderWithout, getsSignedInTwin, type PageMatch } from '@/lib/route-match'
import { TWIN_ROOT } from '@/lib/routes'

/**
 * A page request that gets the page everyone shares (no session, or a member whose browser
 * fetches its own part) reaches Next and the front cache without its cookies, as a visitor's:
 * nothing personal can be rendered into it, and members share the front cache's copy. Forms
 * (server actions) keep theirs.
 */
export function asVisitorWhenShared(req: IncomingMessage, page: PageMatch) {
  if (page.served !== 'cached-for-everyone') return
  if (req.method !== 'GET' && req.method !== 'HEAD') return
  if (getsSignedInTwin(req.headers.cookie, page.name)) return
  delete req.headers.cookie
}

/**
 * A form sent from a signed-in twin stays with the twin. A member's first page after signing in is
 * the twin; once it runs, the browser marks itself for the shared pages (lib/member-view.ts). The
 * action's answer re-renders the page shown, and the shared page in its place would be a page of
 * its own: React would replace the twin and the form's message with it.
 */
export function formStaysOnTwin(req: IncomingMessage, page: PageMatch) {
  if (page.served !== 'cached-for-everyone' || req.method !== 'POST') return
  if (!req.headers['next-action'] || !req.headers.cookie) return
  if (!showsTwin(req.headers['next-router-state-tree'])) return
  req.headers.cookie = cookieHeaderWithout(req.headers.cookie, MEMBER_VIEW.cookie)
}

/**
 * Whether Next's router state (the `next-router-state-tree` header: the segments the browser
 * shows, as `[segment, { children: [...] }]`) is a twin's: its first segment past route groups
 * such as `(per-request)` is the twins' root.
 */
export function showsTwin(routerState: string | string[] | undefined): boolean {
  if (typeof routerState !== 'string') return false
  let node: unknown
  try {
    node = JSON.parse(decodeURIComponent(routerState))
  } catch {
    return false
  }
  for (let depth = 0; depth < 8 && Array.isArray(node); depth++) {
    const [segment, slots] = node as [unknown, Record<string, unknown> | undefined]
    if (typeof segment === 'string' && segment !== '' && !/^\(.*\)$/.test(segment)) {
      return `/${segment}` === TWIN_ROOT
    }
    node = slots?.children
  }
  return false
}
