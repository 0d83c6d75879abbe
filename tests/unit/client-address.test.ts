import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressOf,
  clientAddressOfRequest,
} from '@/lib/client-address'

const request = (headers: IncomingMessage['headers'], remoteAddress?: string) =>
  ({ headers, socket: { remoteAddress } }) as Pick<IncomingMessage, 'headers' | 'socket'>

const forged = {
  'x-forwarded-for': '203.0.113.7, 198.51.100.9',
  [CLIENT_ADDRESS_HEADER]: '192.0.2.1',
}

describe('the client address', () => {
  it('is the socket’s peer when no proxy is trusted, whatever the client sends', () => {
    expect(clientAddressOfRequest(request(forged, '127.0.0.5'), { trustProxy: false })).toBe('127.0.0.5') // prettier-ignore
    expect(clientAddressOfRequest(request({}, '::1'), { trustProxy: false })).toBe('::1')
  })

  it('is the hop the trusted proxy last added, behind one', () => {
    expect(clientAddressOfRequest(request(forged, '10.0.0.2'), { trustProxy: true })).toBe('198.51.100.9') // prettier-ignore
    // A proxy that added nothing: the socket again.
    expect(clientAddressOfRequest(request({}, '10.0.0.2'), { trustProxy: true })).toBe('10.0.0.2')
  })

  it('is "unknown" when neither says', () => {
    expect(clientAddressOfRequest(request({}), { trustProxy: false })).toBe('unknown')
  })

  it('is read by actions only from the header server.ts sets', () => {
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: '127.0.0.5' }))).toBe('127.0.0.5')
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('unknown')
  })
})
