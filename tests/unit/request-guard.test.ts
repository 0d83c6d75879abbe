import { describe, expect, it, vi } from 'vitest'
import { encodeReply } from 'next/dist/compiled/react-server-dom-webpack/client.node.js'
import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { bodyRefusal, bodyToCheck, depthOf, MAX_DEPTH, readBody } from '@/lib/server/request-body'
import { refusalOf } from '@/lib/server/request-guard'
import { dropUntrustedForwarding, isOwnRequest, warnOnce } from '@/lib/server/forwarded-headers'
import { providerOrigins, securityHeaders } from '@/lib/server/security-headers'

const options = { siteOrigin: 'https://kinofront.example', bodyLimit: 1000 }
const post = (headers: Record<string, string>, url = '/films/ivan') => ({
  method: 'POST',
  url,
  headers: { host: 'kinofront.example', 'content-length': '10', 'content-type': 'text/plain', ...headers }, // prettier-ignore
})

describe('refusalOf: what server.ts refuses before Next reads the request', () => {
  it('lets ordinary pages and same-site forms through', () => {
    expect(refusalOf({ method: 'GET', url: '/films/ivan', headers: {} }, options)).toBeNull()
    expect(refusalOf(post({ origin: 'https://kinofront.example' }), options)).toBeNull()
    expect(refusalOf(post({ origin: 'http://kinofront.example', 'sec-fetch-site': 'same-origin' }), options)).toBeNull() // prettier-ignore
    expect(refusalOf(post({}), options)).toBeNull()
  })

  it('answers an undecodable path with 400', () => {
    for (const url of ['/films/%', '/films/%FF', '/u/%E0%A4%A?x=1']) {
      expect(refusalOf({ method: 'GET', url, headers: {} }, options)).toMatchObject({ status: 400 })
    }
  })

  it('refuses forms from another origin with 403, whatever X-Forwarded-Host says', () => {
    for (const origin of [
      'http://evil.example',
      'null',
      'https://kinofront.example.evil.example',
    ]) {
      expect(refusalOf(post({ origin, 'x-forwarded-host': 'evil.example' }), options)).toMatchObject({ status: 403 }) // prettier-ignore
    }
    // Another port of the same host is another origin.
    expect(refusalOf(post({ origin: 'http://kinofront.example:8080' }), options)).toMatchObject({ status: 403 }) // prettier-ignore
    expect(refusalOf(post({ 'sec-fetch-site': 'cross-site' }), options)).toMatchObject({ status: 403 }) // prettier-ignore
  })

  it('answers bodies over the limit with 413, and holds a body of unknown length to it as it is read', async () => {
    expect(refusalOf(post({ 'content-length': '1001' }), options)).toMatchObject({ status: 413 })
    expect(refusalOf(post({ 'content-length': '1000' }), options)).toBeNull()
    expect(refusalOf(post({ 'content-length': '1e3' }), options)).toMatchObject({ status: 400 })
    const chunked = post({ 'transfer-encoding': 'chunked', 'content-type': 'application/json' })
    delete (chunked.headers as Record<string, string>)['content-length']
    expect(refusalOf(chunked, options)).toMatchObject({ status: 415 })
    const stream = (size: number) =>
      Readable.from([Buffer.alloc(size / 2), Buffer.alloc(size / 2)]) as unknown as IncomingMessage
    expect(await readBody(stream(1000), 1000)).toHaveLength(1000)
    expect(await readBody(stream(1002), 1000)).toBeNull()
  })

  it('takes forms only: JSON is 415, multipart without a boundary 400', () => {
    expect(refusalOf(post({ 'content-type': 'application/json' }), options)).toMatchObject({ status: 415 }) // prettier-ignore
    expect(refusalOf(post({ 'content-type': 'multipart/form-data' }), options)).toMatchObject({ status: 400 }) // prettier-ignore
    expect(refusalOf(post({ 'content-type': 'multipart/form-data; boundary=x' }), options)).toBeNull() // prettier-ignore
    expect(refusalOf(post({ 'content-type': 'application/x-www-form-urlencoded' }), options)).toBeNull() // prettier-ignore
  })
})

describe('bodyRefusal: the body of a form sent to a server action', () => {
  const action = { 'next-action': '7f00', 'content-type': 'text/plain;charset=UTF-8' }
  const text = (body: string) => bodyRefusal(action, Buffer.from(body))
  async function multipart(
    form: FormData,
    headers: Record<string, string> = { 'next-action': '7f00' },
  ) {
    const request = new Request('http://x/', { method: 'POST', body: form })
    const body = Buffer.from(await request.arrayBuffer())
    return bodyRefusal({ ...headers, 'content-type': request.headers.get('content-type')! }, body)
  }

  it('lets through what React encodes for the app’s forms', async () => {
    const form = new FormData()
    form.set('email', 'ann@example.test')
    const reply = await encodeReply([null, form])
    expect(await multipart(reply as FormData)).toBeNull()
    expect(await text((await encodeReply(['oidc', '/films'])) as string)).toBeNull()
    const values = await encodeReply([{ a: new Map([[1, 2]]) }, '$x', new Date(0), 10n, undefined])
    expect(await multipart(values as FormData)).toBeNull()
  })

  it('lets wrong argument shapes through to the action, which answers them itself', async () => {
    for (const body of ['[]', '[1,2,3]', '[{"a":1}]', '[null,"$K1"]'])
      expect(await text(body)).toBeNull()
  })

  it('refuses garbage, a non-list, references to parts that are not there, and deep nesting', async () => {
    for (const body of [
      'garbage{{',
      '"x"',
      '{"a":1}',
      '["$Q1"]',
      '["$1"]',
      '["$@2"]',
      '["$h1"]',
      '["$T"]',
    ]) {
      expect(await text(body)).toMatchObject({ status: 400 })
    }
    expect(await text('['.repeat(10_000) + ']'.repeat(10_000))).toMatchObject({ status: 400 })
    expect(await text('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH))).toBeNull()
  })

  it('refuses a broken multipart form, or one without its argument list', async () => {
    const broken = Buffer.from('--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1')
    expect(await bodyRefusal({ 'next-action': '7f00', 'content-type': 'multipart/form-data; boundary=xyz' }, broken)).toMatchObject({ status: 400 }) // prettier-ignore
    const noArguments = new FormData()
    noArguments.set('a', '1')
    expect(await multipart(noArguments)).toMatchObject({ status: 400 })
    const badPart = new FormData()
    badPart.set('0', '["$Q1"]')
    badPart.set('1', '[[1,')
    expect(await multipart(badPart)).toMatchObject({ status: 400 })
  })

  it('checks a form sent without JavaScript: readable, and any bound arguments well formed', async () => {
    const plain = new FormData()
    plain.set('$ACTION_ID_7f00', '')
    plain.set('email', 'x')
    expect(await multipart(plain, {})).toBeNull()
    const bound = new FormData()
    bound.set('$ACTION_REF_1', '')
    bound.set('$ACTION_1:0', '{"id":"7f00","bound":"$@1"}')
    bound.set('$ACTION_1:1', '["oidc","/"]')
    expect(await multipart(bound, {})).toBeNull()
    bound.set('$ACTION_1:0', '{"id":"7f00","bound":"$@2"}')
    expect(await multipart(bound, {})).toMatchObject({ status: 400 })
  })

  it('reads only server-action posts, never Auth.js’s own', () => {
    expect(bodyToCheck({ method: 'POST', url: '/films/ivan', headers: { 'next-action': 'x' } })).toBe(true) // prettier-ignore
    expect(bodyToCheck({ method: 'POST', url: '/signin', headers: { 'content-type': 'multipart/form-data; boundary=x' } })).toBe(true) // prettier-ignore
    expect(bodyToCheck({ method: 'POST', url: '/api/auth/signin/oidc', headers: { 'content-type': 'multipart/form-data; boundary=x' } })).toBe(false) // prettier-ignore
    expect(bodyToCheck({ method: 'GET', url: '/films/ivan', headers: {} })).toBe(false)
  })

  it('counts depth outside strings only', () => {
    expect(depthOf('[["[[[[", {"a": [1]}]]')).toBe(4)
    expect(depthOf('"\\"[[["')).toBe(0)
  })
})

describe('forwarded headers', () => {
  const sent = () => ({
    host: 'kinofront.example',
    'x-forwarded-for': '203.0.113.9',
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'https',
    forwarded: 'host=evil.example',
  })

  it('are dropped without TRUST_PROXY and kept with it', () => {
    const untrusted: Record<string, string> = sent()
    expect(dropUntrustedForwarding(untrusted, { trustProxy: false })).toEqual({
      forwardedFor: true,
    })
    expect(untrusted).toEqual({ host: 'kinofront.example' })
    const trusted: Record<string, string> = sent()
    dropUntrustedForwarding(trusted, { trustProxy: true })
    expect(trusted).toEqual(sent())
  })

  it('warn once when X-Forwarded-For arrives without TRUST_PROXY, not for Next’s own requests', () => {
    const log = vi.fn()
    const warn = warnOnce('set TRUST_PROXY', log)
    warn(false)
    expect(log).not.toHaveBeenCalled()
    warn(true)
    warn(true)
    expect(log).toHaveBeenCalledTimes(1)
    expect(isOwnRequest({ 'x-kinofront-client-address': '127.0.0.1' })).toBe(true)
    expect(isOwnRequest({})).toBe(false)
  })
})

describe('security headers', () => {
  it('forbid framing, sniffing and foreign form targets; HSTS only over HTTPS', () => {
    const http = securityHeaders({ https: false, formTargets: [] })
    expect(http['Content-Security-Policy']).toContain("frame-ancestors 'none'")
    expect(http['Content-Security-Policy']).toContain("form-action 'self'")
    expect(http).toMatchObject({ 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff' })
    expect(http['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(http['Permissions-Policy']).toContain('camera=()')
    expect(http['Strict-Transport-Security']).toBeUndefined()
    expect(securityHeaders({ https: true, formTargets: [] })['Strict-Transport-Security']).toMatch(/^max-age=\d+/) // prettier-ignore
  })

  it('let a form lead on to a configured identity provider', () => {
    const targets = providerOrigins({
      secret: null,
      oidc: { issuer: 'https://id.example/realms/x', clientId: 'a', clientSecret: 'b', name: 'X' },
      github: { clientId: 'a', clientSecret: 'b' },
    })
    expect(targets).toEqual(['https://id.example', 'https://github.com'])
    expect(securityHeaders({ https: false, formTargets: targets })['Content-Security-Policy']).toContain("form-action 'self' https://id.example https://github.com") // prettier-ignore
  })
})
