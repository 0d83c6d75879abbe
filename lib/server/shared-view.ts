import type { IncomingMessage } from 'node:http'
import { getsSignedInTwin, type PageMatch } from '@/lib/route-match'

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
