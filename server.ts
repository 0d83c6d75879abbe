// `npm start` / `npm run dev`: prepares the database, then serves the app with Next.js.
// A custom server rather than `next start` so that unknown film and person slugs get the full
// not-found page: a page that calls notFound() is sent as an empty shell that only JavaScript
// fills in (Next.js 16.4), and doing the check in proxy.ts cost ~40% of film-page throughput.
import { createServer } from 'node:http'
import next from 'next'
import { config } from './config'
import { getDb } from './db/client'
import { isKnownSlug, type SlugKind } from './db/known-slugs'
import { prepareDatabase } from './db/prepare'
import { createResponseCache } from './lib/response-cache'

const dev = process.argv.includes('--dev')
const { port, hostname, database } = config()

await prepareDatabase(getDb(), { embedded: database.filePath !== null })

const app = next({ dev, hostname, port })
const handle = app.getRequestHandler()
await app.prepare()

// `/` and the pages Next caches: films, people and curated lists.
const PAGE_PATH = /^\/(?:(films|people|curated)\/([^/?#]+)\/?)?(?:\?|$)/
const pageCache = createResponseCache({ ttlMs: 1000, maxEntries: 1000 })

createServer(async (req, res) => {
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
  await handle(req, res)
})
  .on('error', (error) => {
    console.error(`Kinofront could not listen on ${hostname}:${port}: ${error.message}`)
    process.exit(1)
  })
  .listen(port, hostname, () => {
    console.log(`Kinofront ${dev ? '(development) ' : ''}listening on http://${hostname}:${port}`)
  })

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
