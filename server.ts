// `npm start` / `npm run dev`: prepares the database, then serves the app with Next.js.
// A custom server rather than `next start` so that unknown film and person slugs get the full
// not-found page: a page that calls notFound() is sent as an empty shell that only JavaScript
// fills in (Next.js 16.4), and doing the check in proxy.ts cost ~40% of film-page throughput.
import { createServer, type IncomingMessage } from 'node:http'
import next from 'next'
import { config } from './config'
import { getDb } from './db/client'
import { isKnownSlug, listAudience, type SlugKind } from './db/known-slugs'
import { prepareDatabase } from './db/prepare'
import { authSecret } from './lib/auth-secret'
import { CLIENT_ADDRESS_HEADER } from './lib/client-address'
import { createResponseCache } from './lib/response-cache'
import { sessionUserIdOf } from './lib/session-user'

const dev = process.argv.includes('--dev')
const { port, hostname, database, trustProxy } = config()

await prepareDatabase(getDb(), { embedded: database.filePath !== null })
// Generates the embedded database's session key now rather than on the first sign-in.
authSecret()

const app = next({ dev, hostname, port })
const handle = app.getRequestHandler()
await app.prepare()

// `/` and the pages named by a slug: films, people, curated lists and members (`/u/…`).
const PAGE_PATH = /^\/(?:(films|people|curated|u)\/([^/?#]+)\/?)?(?:\?|$)/
const pageCache = createResponseCache({ ttlMs: 1000, maxEntries: 1000 })
// A member's list, which is a 404 to everyone but its owner while it is private.
const LIST_PATH = /^\/u\/([^/?#]+)\/lists\/([^/?#]+)\/?(?:\?|$)/

createServer(async (req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req)
  const match = PAGE_PATH.exec(req.url ?? '/')
  if (match) {
    if (pageCache.serve(req, res)) return
    if (match[1] && !(await isKnown(match[1] as SlugKind, match[2]!))) {
      // No route answers this path, so Next serves its prerendered not-found page with a 404.
      req.url = '/_unknown'
    } else {
      pageCache.record(req, res)
    }
  }
  const list = LIST_PATH.exec(req.url ?? '/')
  if (list && !(await mayViewList(req, list[1]!, list[2]!))) req.url = '/_unknown'
  await handle(req, res)
})
  .on('error', (error) => {
    console.error(`Kinofront could not listen on ${hostname}:${port}: ${error.message}`)
    process.exit(1)
  })
  .listen(port, hostname, () => {
    console.log(`Kinofront ${dev ? '(development) ' : ''}listening on http://${hostname}:${port}`)
  })

/** The socket's peer, or behind a trusted proxy the address the proxy last added. */
function clientAddress(req: IncomingMessage) {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined
  const hops = typeof forwarded === 'string' ? forwarded.split(',').map((hop) => hop.trim()) : []
  return hops.at(-1) || req.socket.remoteAddress || 'unknown'
}

async function isKnown(kind: SlugKind, segment: string) {
  let slug: string
  try {
    slug = decodeURIComponent(segment)
  } catch {
    return false
  }
  try {
    return await isKnownSlug(kind, slug)
  } catch {
    return true // the database failed: let the page itself report it
  }
}

async function mayViewList(req: IncomingMessage, usernameSegment: string, slugSegment: string) {
  let username: string, slug: string
  try {
    username = decodeURIComponent(usernameSegment)
    slug = decodeURIComponent(slugSegment)
  } catch {
    return false
  }
  try {
    const audience = await listAudience(username, slug)
    if (audience === null) return false
    if (audience === 'everyone') return true
    return (await sessionUserIdOf(req.headers.cookie)) === audience.ownerId
  } catch {
    return true // the database failed: the page checks the owner itself and reports the failure
  }
}
