import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { getsVisitorPage, type PageMatch } from '@/lib/route-match'

// A visitor (no session cookie) on a page everyone shares has nothing to run: every control there
// is a link, a GET form or a <details> (the chromium-no-js e2e project proves the pages work
// without JavaScript), and the member's part (lib/member-view.ts) is for members. So such a
// visitor gets the page without Next's runtime: its scripts, their preloads, the inline React
// Server Components payload, and public/member-view.js. Moving to another page is then a full
// page load, which the front cache (lib/response-cache.ts) answers. A member with JavaScript
// still gets the page whole, and hydrates it.

/** The front cache's name for the copy made for visitors. */
export const VISITOR_VIEW = 'without-scripts'

/**
 * Pages rendered per request that are the same for every visitor: the catalogue's controls are a
 * GET form and links (its watchlist buttons are a member's). Rendered each time anyway, they are
 * rewritten each time too, for well under a millisecond.
 */
const PER_REQUEST_VISITOR_PAGES = new Set(['/films'])

/**
 * Whether this request gets a page without scripts (`path` as routed); read before its cookies
 * go.
 */
export function getsPageWithoutScripts(
  req: IncomingMessage,
  page: PageMatch | null,
  path: string | null,
): boolean {
  return (
    (page?.served === 'cached-for-everyone' || (path !== null && PER_REQUEST_VISITOR_PAGES.has(path))) && // prettier-ignore
    (req.method === 'GET' || req.method === 'HEAD') &&
    getsVisitorPage(req.headers.cookie)
  )
}

// An element as the HTML parser sees it (see script-hashes.ts): a script's body is raw text up
// to the first `</script`, and Next escapes `<` inside its flight data.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
const LINK = /<link\b[^>]*>/gi
const OWN_SCRIPT = /^\/(?:_next\/|member-view\.js(?:$|\?))/
// What only feeds Next's runtime: its flight data (`(self.__next_f=self.__next_f||[]).push([0])`,
// `self.__next_f.push(…)`) and Turbopack's list of chunks to load (`(globalThis["TURBOPACK"] ||
// (globalThis["TURBOPACK"] = [])).push(…)`).
const FEEDS_RUNTIME = /^\s*\(?\s*(?:self\.__next_f\b|globalThis\[["']TURBOPACK["']\])/

/**
 * `html` without the scripts only Next's runtime needs: script elements loading its chunks (or
 * public/member-view.js), the inline flight data that feeds them, and the preloads of scripts.
 * Any other inline script (React's own streaming helpers, JSON-LD data) stays, and the page's
 * policy hashes it as before.
 */
export function withoutClientRuntime(html: string): string {
  return html
    .replace(SCRIPT, (element, attributes: string, body: string) => {
      const src = attribute(attributes, 'src')
      if (src !== null) return OWN_SCRIPT.test(src) ? '' : element
      return FEEDS_RUNTIME.test(body) ? '' : element
    })
    .replace(LINK, (element) => {
      const rel = attribute(element, 'rel')?.toLowerCase().split(/\s+/) ?? []
      const preloadsScript =
        rel.includes('modulepreload') ||
        (rel.includes('preload') && attribute(element, 'as')?.toLowerCase() === 'script')
      return preloadsScript && OWN_SCRIPT.test(attribute(element, 'href') ?? '') ? '' : element
    })
}

function attribute(tag: string, name: string): string | null {
  const found = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag)
  return found ? (found[1] ?? found[2] ?? found[3] ?? '') : null
}

/**
 * Lets the browser keep a visitor's page for Back and Forward (its back/forward cache): Next
 * marks every page it renders per request (e.g. /films) `no-store`, which rules that out, though
 * a request without a session gets nothing personal. Such a page is `no-cache` instead: the
 * browser still asks again for every new visit. A member's pages, and any answer that sets a
 * cookie, keep `no-store`.
 */
export function restorableForVisitor(req: IncomingMessage, res: ServerResponse): void {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !getsVisitorPage(req.headers.cookie)) {
    return
  }
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((code: number, ...rest: unknown[]) => {
    // Headers given here are set now (as Node would), so that they can be read and changed.
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null)
    if (headers && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
        if (value !== undefined) res.setHeader(name, value)
      }
    }
    const cacheControl = String(res.getHeader('cache-control') ?? '')
    if (
      /\bno-store\b/i.test(cacheControl) &&
      !res.hasHeader('set-cookie') &&
      String(res.getHeader('content-type') ?? '').startsWith('text/html')
    ) {
      res.setHeader('cache-control', 'private, no-cache, max-age=0, must-revalidate')
    }
    return writeHead(code, ...rest.filter((arg) => typeof arg === 'string'))
  }) as typeof res.writeHead
}

/**
 * Says that a shared page's answer depends on the cookies: a visitor gets the copy without
 * scripts, a member with JavaScript the whole page, and a member without it the per-request twin.
 * A shared cache in front (its `s-maxage`) must not hand one of them to another.
 */
export function variesByCookie(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((...args: unknown[]) => {
    const found = args.find((arg) => typeof arg === 'object' && arg !== null)
    const given = found && !Array.isArray(found) ? (found as OutgoingHttpHeaders) : undefined
    const key = Object.keys(given ?? {}).find((name) => name.toLowerCase() === 'vary')
    const vary = [key && given![key], res.getHeader('vary')]
      .flatMap((value) => (value ? String(value).split(',') : []))
      .map((name) => name.trim())
      .filter(Boolean)
    if (!vary.some((name) => name.toLowerCase() === 'cookie' || name === '*')) vary.push('Cookie')
    const merged = [...new Set(vary)].join(', ')
    if (key) given![key] = merged
    else res.setHeader('vary', merged)
    return writeHead(...args)
  }) as typeof res.writeHead
}
