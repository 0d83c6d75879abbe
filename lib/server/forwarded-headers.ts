import type { IncomingHttpHeaders } from 'node:http'
import { CLIENT_ADDRESS_HEADER } from '../client-address'

/** Headers a reverse proxy sets to say what the client asked for; any client can send them too. */
export const FORWARDED_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
] as const

/**
 * Without TRUST_PROXY, removes the X-Forwarded-* headers a client sent before Next and Auth.js
 * see them: otherwise `X-Forwarded-Host: evil.example` makes a forged origin look like the site's
 * own. Returns whether the request carried X-Forwarded-For, which suggests that the app does sit
 * behind a proxy and TRUST_PROXY was forgotten (see `warnOnce`).
 */
export function dropUntrustedForwarding(
  headers: IncomingHttpHeaders,
  { trustProxy }: { trustProxy: boolean },
): { forwardedFor: boolean } {
  const forwardedFor = headers['x-forwarded-for'] !== undefined
  if (!trustProxy) for (const name of FORWARDED_HEADERS) delete headers[name]
  return { forwardedFor }
}

/** A warning logged once per process, the first time `when` holds. */
export function warnOnce(message: string, log: (line: string) => void = console.warn) {
  let warned = false
  return (when: boolean) => {
    if (!when || warned) return
    warned = true
    log(message)
  }
}

export const UNTRUSTED_PROXY_WARNING =
  'Warning: a request arrived with X-Forwarded-For but TRUST_PROXY is off, so every client ' +
  "counts as the proxy's address for sign-in throttling. If Kinofront runs behind a reverse " +
  'proxy, set TRUST_PROXY=true (and make the proxy set X-Forwarded-For, -Host and -Proto).'

/**
 * Whether a request is Next's own: after a server action redirects, Next fetches the new page
 * from this server with the action's request headers, ours and its own X-Forwarded-* among them.
 * server.ts marks every request with the client address header, so a request that arrives with
 * one already came through here before. (A client may send one too: it only silences the warning.)
 */
export function isOwnRequest(headers: IncomingHttpHeaders) {
  return headers[CLIENT_ADDRESS_HEADER] !== undefined
}
