import type { IncomingMessage } from 'node:http'
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

/** Whether this request gets a shared page's copy without scripts; read before its cookies go. */
export function getsPageWithoutScripts(req: IncomingMessage, page: PageMatch | null): boolean {
  return (
    page?.served === 'cached-for-everyone' &&
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
