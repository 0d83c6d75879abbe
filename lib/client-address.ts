/**
 * server.ts copies the socket's address into this request header, replacing any value a client
 * sent, so that throttling can trust it. Behind a reverse proxy, set it from the proxy instead.
 */
export const CLIENT_ADDRESS_HEADER = 'x-kinofront-client-address'

export function clientAddressOf(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
}
