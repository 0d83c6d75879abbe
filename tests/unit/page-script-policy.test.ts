import { createHash } from 'node:crypto'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { holdPageForScriptHashes } from '@/lib/server/page-script-policy'
import { inlineScriptHashes } from '@/lib/server/script-hashes'
import { contentSecurityPolicy, securityHeaders } from '@/lib/server/security-headers'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
const scriptSrcOf = (policy: string) =>
  policy.split('; ').find((directive) => directive.startsWith('script-src '))!

// What Next's App Router writes into a page: its bootstrap, flight data and React's streaming.
// Its text is not all ASCII (a diary line's "2.5 stars · rewatch"), as on a real page.
const FLIGHT =
  'self.__next_f.push([1,"0:{\\"P\\":null,\\"b\\":\\"Летят журавли · 5 stars…\\"}\\n"])'
const PAGE = [
  '<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async=""></script>',
  '<script src="/member-view.js"></script></head><body><h1>Летят журавли</h1>',
  '<script type="application/ld+json">{"@type":"Movie","name":"Cranes"}</script>',
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>${FLIGHT}</script>`,
  '<script type="module">import("/x.js")</script><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
  `<script>${FLIGHT}</script><script nonce="" id="_R_">$RC("B:0","S:0")</script></body></html>`,
].join('')

describe('inline script hashes', () => {
  it('hash each inline script once, skipping scripts with a src and data such as ld+json', () => {
    expect(inlineScriptHashes(PAGE)).toEqual([
      sha256('(self.__next_f=self.__next_f||[]).push([0])'),
      sha256(FLIGHT),
      sha256('import("/x.js")'),
      sha256('$RC("B:0","S:0")'),
    ])
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([])
  })

  it('make a script-src without unsafe-inline that lists exactly the hashes', () => {
    const hashes = inlineScriptHashes(PAGE)
    const scriptSrc = scriptSrcOf(contentSecurityPolicy({ formTargets: [] }, hashes))
    expect(scriptSrc).toBe(`script-src 'self' ${hashes.join(' ')}`)
    expect(scriptSrc).not.toContain('unsafe')
    // Every other response: scripts from this site only, none inline.
    const plain = securityHeaders({ https: false, formTargets: [] })['Content-Security-Policy']!
    expect(scriptSrcOf(plain)).toBe("script-src 'self'")
    expect(plain).toContain("frame-ancestors 'none'")
  })
})

describe('holding a page for its script hashes', () => {
  const policyFor = (hashes: readonly string[]) => contentSecurityPolicy({ formTargets: [] }, hashes) // prettier-ignore
  // Answers like Next: headers set, the body streamed in pieces (compressed when asked).
  const answers: Record<string, (res: ServerResponse) => void> = {
    '/page': (res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.statusCode = 200
      const half = PAGE.indexOf('<script>self')
      res.write(PAGE.slice(0, half))
      setTimeout(() => res.end(PAGE.slice(half)), 5)
    },
    '/gzipped': (res) => {
      res.writeHead(404, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' })
      res.end(gzipSync(PAGE))
    },
    '/data': (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"a":')
      res.end('1}')
    },
  }
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', policyFor([]))
    holdPageForScriptHashes(res, policyFor)
    answers[req.url!]!(res)
  })
  const listening = new Promise<string>(
    (resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)), // prettier-ignore
  )
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('sends the page whole, with a policy listing the hashes of its own inline scripts', async () => {
    for (const [path, status] of [
      ['/page', 200],
      ['/gzipped', 404],
    ] as const) {
      const response = await fetch(`${await listening}${path}`)
      const body = await response.text()
      expect(response.status).toBe(status)
      expect(body).toBe(PAGE)
      expect(response.headers.get('content-security-policy')).toBe(policyFor(inlineScriptHashes(body))) // prettier-ignore
    }
  })

  it('lets anything but HTML through untouched, with the policy that allows no inline script', async () => {
    const response = await fetch(`${await listening}/data`)
    expect(await response.json()).toEqual({ a: 1 })
    expect(scriptSrcOf(response.headers.get('content-security-policy')!)).toBe("script-src 'self'")
  })
})
