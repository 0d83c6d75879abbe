import type { IncomingMessage } from 'node:http'

/**
 * server.ts copies the socket's address into this request header, replacing any value a client
 * sent, so that throttling can trust it. Behind a reverse proxy, set it from the proxy instead.
 */
export const CLIENT_ADDRESS_HEADER = 'x-kinofront-client-address'

export function clientAddressOf(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
}

/**
 * The address a request comes from, for server.ts to put in CLIENT_ADDRESS_HEADER: the socket's
 * peer, or behind a trusted proxy the address the proxy last added to X-Forwarded-For. Without
 * `trustProxy` whatever the client sent in either header counts for nothing.
 */
export function clientAddressOfRequest(
  req: Pick<IncomingMessage, 'headers' | 'socket'>,
  { trustProxy }: { trustProxy: boolean },
): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined
  const hops = typeof forwarded === 'string' ? forwarded.split(',').map((hop) => hop.trim()) : []
  return hops.at(-1) || req.socket.remoteAddress || 'unknown'
}
