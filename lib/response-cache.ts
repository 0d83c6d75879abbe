import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

type Entry = { headers: OutgoingHttpHeaders; body: Buffer; expires: number }

// A request with any of these may get a response made for it alone (a person's session, a
// client-side navigation, a server action), so it never reads or fills the cache.
const PERSONAL_HEADERS = ['cookie', 'authorization', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-action', 'next-url'] // prettier-ignore

/**
 * A short-lived copy of pages that Next.js already serves from its own cache (anonymous film and
 * person pages), kept in front of Next so that a burst of requests for one page costs one pass
 * through Next's router per `ttlMs`. Pages are at most `ttlMs` older than Next's copy.
 */
export function createResponseCache({ ttlMs, maxEntries }: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<string, Entry>()
  // A copy Next was making when pages were forgotten may be one of them, made before the write.
  let forgets = 0

  // Next compresses for clients that accept it, so each encoding gets its own copy; and each
  // view of a page (e.g. lib/server/visitor-page.ts's copy without scripts) its own.
  const keyOf = (req: IncomingMessage, view: string) =>
    `${req.url} ${req.headers['accept-encoding'] ?? ''}|${view}`

  const cacheable = (req: IncomingMessage) =>
    req.method === 'GET' &&
    req.url !== undefined &&
    !req.url.includes('?') &&
    PERSONAL_HEADERS.every((name) => req.headers[name] === undefined)

  return {
    /** Drops the copies of the pages at these paths (every encoding), which a write made stale. */
    forget(paths: readonly string[]): void {
      forgets++
      const stale = new Set(paths)
      for (const key of entries.keys()) {
        if (stale.has(key.slice(0, key.indexOf(' ')))) entries.delete(key)
      }
    },

    /** Answers from the cache when it holds a fresh copy; says whether it did. */
    serve(req: IncomingMessage, res: ServerResponse, view = ''): boolean {
      if (!cacheable(req)) return false
      const entry = entries.get(keyOf(req, view))
      if (!entry || entry.expires < Date.now()) return false
      res.writeHead(200, entry.headers)
      res.end(entry.body)
      return true
    },

    /** Keeps what Next sends for this request if it is a cached page anyone may see. */
    record(req: IncomingMessage, res: ServerResponse, view = ''): void {
      if (!cacheable(req)) return
      const key = keyOf(req, view)
      const forgetsBefore = forgets
      const chunks: Buffer[] = []
      const write = res.write.bind(res) as (...args: unknown[]) => boolean
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
      const keep = (chunk: unknown, encoding: unknown) => {
        if (typeof chunk === 'string') {
          chunks.push(
            Buffer.from(
              chunk,
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
            ),
          )
        } else if (chunk instanceof Uint8Array) {
          chunks.push(Buffer.from(chunk))
        }
      }
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        keep(chunk, rest[0])
        return write(chunk, ...rest)
      }) as typeof res.write
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk !== 'function') keep(chunk, rest[0])
        return end(chunk, ...rest)
      }) as typeof res.end
      res.once('finish', () => {
        const headers = res.getHeaders()
        if (res.statusCode !== 200 || headers['set-cookie'] || !headers['x-nextjs-cache']) return
        // Next's stale copy while it renders a new one; its next answer will be fresh.
        if (headers['x-nextjs-cache'] === 'STALE' || forgets !== forgetsBefore) return
        entries.delete(key)
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
        entries.set(key, {
          headers,
          body: Buffer.concat(chunks),
          expires: Date.now() + ttlMs,
        })
      })
    },
  }
}
