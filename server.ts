// `npm start` / `npm run dev`: prepares the database, then serves the app with Next.js.
// A custom server rather than `next start` so that a page that is not there (an unknown slug, a
// private list, a signed-in twin at its own path) gets the full not-found page: a page that calls
// notFound() is sent as an empty shell that only JavaScript fills in (Next.js 16.4), and doing the
// check in proxy.ts cost ~40% of film-page throughput.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import next from 'next'
import { config } from './config'
import { getDb } from './db/client'
import { pageAudience } from './db/known-slugs'
import { prepareDatabase } from './db/prepare'
import { authSecret } from './lib/auth-secret'
import { CLIENT_ADDRESS_HEADER, clientAddressOfRequest } from './lib/client-address'
import { closeRedis } from './lib/cache/redis'
import { MEMBER_VIEW } from './lib/member-view'
import { createResponseCache } from './lib/response-cache'
import {
  dropUntrustedForwarding,
  isOwnRequest,
  UNTRUSTED_PROXY_WARNING,
  warnOnce,
} from './lib/server/forwarded-headers'
import { admit } from './lib/server/admit'
import { bodyLimitFor } from './lib/server/request-guard'
import { sentBackTooLarge } from './lib/server/oversized-upload'
import { holdPageForScriptHashes } from './lib/server/page-script-policy'
import { whileAnswering } from './lib/server/response-hints'
import { answerSignUpFlood } from './lib/server/sign-up-flood'
import {
  contentSecurityPolicy,
  providerOrigins,
  securityHeadersSetter,
} from './lib/server/security-headers'
import { matchPage, reachesTwin, routedPath, type PageMatch } from './lib/route-match'
import { answerHealth } from './lib/server/health'
import { refreshPagesOnChanges } from './lib/server/page-change-feed'
import { servePersonalState } from './lib/server/personal-state'
import { asVisitorWhenShared, formStaysOnTwin } from './lib/server/shared-view'
import {
  getsPageWithoutScripts,
  restorableForVisitor,
  variesByCookie,
  VISITOR_VIEW,
  withoutClientRuntime,
} from './lib/server/visitor-page'
import { stopGracefully } from './lib/server/shutdown'
import { checkDatabase, startUp } from './lib/server/start-up'
import { watchDatabaseFile } from './lib/server/database-file'
import { staticBrotli } from './lib/server/static-brotli'
import { keepTimeOriginOnWallClock } from './lib/server/wall-clock'
import { sessionUserIdOf } from './lib/session-user'

const dev = process.argv.includes('--dev')
keepTimeOriginOnWallClock()
const { port, hostname, database, trustProxy, siteUrl, auth } = await startUp(async () => {
  const settings = config()
  await checkDatabase(settings.database, getDb)
  await prepareDatabase({ embedded: settings.database.filePath !== null }, getDb())
  // Generates the embedded database's session key now rather than on the first sign-in.
  authSecret()
  return settings
})
if (database.filePath !== null) watchDatabaseFile(database.filePath)

const app = next({ dev, hostname, port })
const handle = app.getRequestHandler()
await app.prepare()

const serveStaticBrotli = staticBrotli(process.env.NEXT_DIST_DIR || '.next')
const pageCache = createResponseCache({ ttlMs: 1000, maxEntries: 1000 })
const pageChanges = await refreshPagesOnChanges(pageCache, getDb())
const warnUntrustedProxy = warnOnce(UNTRUSTED_PROXY_WARNING)
const headerOptions = { https: siteUrl.startsWith('https:'), formTargets: providerOrigins(auth), dev } // prettier-ignore
const setSecurityHeaders = securityHeadersSetter(headerOptions)
const pagePolicy = (scriptHashes: readonly string[]) =>
  contentSecurityPolicy(headerOptions, scriptHashes)
/** Next answers; an HTML page gets a policy listing its own inline scripts' hashes. */
function render(req: IncomingMessage, res: ServerResponse, { withoutScripts = false } = {}) {
  restorableForVisitor(req, res)
  if (!dev) holdPageForScriptHashes(res, pagePolicy, withoutScripts ? withoutClientRuntime : undefined) // prettier-ignore
  return whileAnswering(res, () => handle(req, res))
}

const server = createServer(async (incoming, res) => {
  const { forwardedFor } = dropUntrustedForwarding(incoming.headers, { trustProxy })
  warnUntrustedProxy(forwardedFor && !trustProxy && !isOwnRequest(incoming.headers))
  incoming.headers[CLIENT_ADDRESS_HEADER] = clientAddressOfRequest(incoming, { trustProxy })
  setSecurityHeaders(res)
  if (await answerHealth(incoming, res, { db: getDb(), stopping: () => shutdown.stopping() })) {
    return
  }
  const bodyLimit = bodyLimitFor(incoming.url)
  if (await sentBackTooLarge(incoming, res, { siteOrigin: siteUrl, bodyLimit })) return
  const req = await admit(incoming, res, { siteOrigin: siteUrl, bodyLimit })
  if (!req) return
  if (!dev && (await serveStaticBrotli(req, res))) return
  const target = req.url ?? '/'
  const path = routedPath(target)
  if (answerSignUpFlood(req, res, path)) return
  // A signed-in twin is reached through the rewrite from its public URL only, never at its own.
  if (path !== null && reachesTwin(path)) return notFound(req, res)
  if (path === MEMBER_VIEW.statePath) return servePersonalState(req, res)
  const page = path === null ? null : matchPage(path)
  const withoutScripts = !dev && getsPageWithoutScripts(req, page, path)
  if (page) {
    asVisitorWhenShared(req, page)
    formStaysOnTwin(req, page)
    // Cached under the URL as sent, so only for the usual spelling of a page's path.
    const shared = page.served === 'cached-for-everyone' && path === target
    const view = withoutScripts ? VISITOR_VIEW : ''
    if (page.served === 'cached-for-everyone') variesByCookie(res)
    // Before the front cache too: its copy of a diary made private a moment ago is not to be sent.
    if (!(await mayView(req, page))) return notFound(req, res)
    if (shared && pageCache.serve(req, res, view)) return
    if (shared) pageCache.record(req, res, view)
  }
  await render(req, res, { withoutScripts })
})
  .on('error', (error) => {
    console.error(`Kinofront could not listen on ${hostname}:${port}: ${error.message}`)
    process.exit(1)
  })
  .listen(port, hostname, () => {
    console.log(`Kinofront ${dev ? '(development) ' : ''}listening on http://${hostname}:${port}`)
  })
const shutdown = stopGracefully(server, {
  timeoutMs: 10_000,
  cleanUp: async () => {
    await pageChanges.stop()
    await closeRedis()
    getDb().$client.close()
  },
})

/** No route answers `/_unknown`, so Next serves its prerendered not-found page with a 404. */
function notFound(req: IncomingMessage, res: ServerResponse) {
  req.url = '/_unknown'
  // Next would answer a server action's POST with a bare 400 instead.
  delete req.headers['next-action']
  return render(req, res)
}

async function mayView(req: IncomingMessage, { check }: PageMatch) {
  if (!check) return true
  try {
    const audience = await pageAudience(check)
    if (audience === null) return false
    return (
      audience === 'everyone' || (await sessionUserIdOf(req.headers.cookie)) === audience.ownerId
    )
  } catch {
    return true // the database failed: let the page itself report it (and check a list's owner)
  }
}
