import type { IncomingHttpHeaders, ServerResponse } from 'node:http'

/**
 * Requests refused before Next sees them, with the 4xx they deserve: Next answers several of
 * these with a 500 or a reset. The checks are cheap and need only the request line and headers;
 * `checkBody` (./request-body.ts) then looks at the body of what passes.
 */

export type Refusal = { status: 400 | 403 | 413 | 415; reason: string }

export type GuardOptions = {
  /** Origins that may send forms: the site's own (SITE_URL). The request's own host also may. */
  siteOrigin: string
  /** Largest body accepted, in bytes (a server action's own limit is Next's 1 MB). */
  bodyLimit: number
}

type Request = { method?: string; url?: string; headers: IncomingHttpHeaders }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain']

export function refusalOf(req: Request, { siteOrigin, bodyLimit }: GuardOptions): Refusal | null {
  const path = (req.url ?? '/').split('?')[0]!
  if (!decodable(path)) return { status: 400, reason: 'The address is not valid.' }
  if (SAFE_METHODS.has(req.method ?? 'GET')) return null

  // A form posted from another site (a CSRF attempt) or a frame on another origin.
  if (req.headers['sec-fetch-site'] === 'cross-site') {
    return { status: 403, reason: 'Forms may only be sent from this site.' }
  }
  const origin = req.headers.origin
  if (origin !== undefined && !allowedOrigin(origin, req.headers.host, siteOrigin)) {
    return { status: 403, reason: 'Forms may only be sent from this site.' }
  }

  const length = req.headers['content-length']
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) return { status: 400, reason: 'Content-Length is not a number.' }
    if (Number(length) > bodyLimit) return tooLarge(bodyLimit)
    if (Number(length) === 0) return null
  } else if (req.headers['transfer-encoding'] === undefined) {
    return null // no body
  }
  // A body of unknown length (Next forwards an action's body so) is held to the limit as it is
  // read: see admit.ts.

  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (!FORM_TYPES.includes(type)) {
    return { status: 415, reason: 'Only forms are accepted here.' }
  }
  if (type === 'multipart/form-data' && !/;\s*boundary=/i.test(req.headers['content-type']!)) {
    return { status: 400, reason: 'The form has no boundary.' }
  }
  return null
}

export const tooLarge = (bodyLimit: number): Refusal => ({
  status: 413,
  reason: `The request is larger than ${bodyLimit} bytes.`,
})

function decodable(path: string) {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

/** The site's own origin, or the origin of the host the request was sent to (as Next allows). */
function allowedOrigin(origin: string, host: string | undefined, siteOrigin: string) {
  if (!URL.canParse(origin)) return false
  const { protocol, host: originHost } = new URL(origin)
  if (new URL(siteOrigin).origin === new URL(origin).origin) return true
  return (
    (protocol === 'http:' || protocol === 'https:') && host !== undefined && originHost === host
  )
}

const MB = 1024 * 1024

/** The limit for a form's body: 1 MB, but for the pages that upload a file. */
export const BODY_LIMIT = MB

/**
 * Pages whose forms upload a file, and their limits: a Letterboxd export (10 MB, lib/letterboxd)
 * and a curated list file (1 MB, db/curated-list-file.ts), with room for the form around them.
 * next.config.ts's serverActions.bodySizeLimit is the largest of these.
 */
const UPLOAD_LIMITS: [path: string, bytes: number][] = [
  ['/settings/data', 12 * MB],
  ['/curate', 2 * MB],
]

/** The body limit for a form posted to `url`. */
export function bodyLimitFor(url: string | undefined) {
  const path = (url ?? '/').split('?')[0]!
  return (
    UPLOAD_LIMITS.find(([page]) => path === page || path.startsWith(`${page}/`))?.[1] ?? BODY_LIMIT
  )
}

/** Answers a refused request with its status and a one-line reason, and reads no more of it. */
export function refuse(res: ServerResponse, { status, reason }: Refusal) {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
  })
  res.end(`${reason}\n`)
}
