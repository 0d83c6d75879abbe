import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { holdPageForScriptHashes } from '@/lib/server/page-script-policy'
import { inlineScriptHashes } from '@/lib/server/script-hashes'
import { contentSecurityPolicy } from '@/lib/server/security-headers'
import {
  restorableForVisitor,
  variesByCookie,
  withoutClientRuntime,
} from '@/lib/server/visitor-page'

// The pieces of a shared page as Next 16 (Turbopack) writes it, from a real film page.
const KEPT_HEAD = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/3525erm70s5dm.css" data-precedence="next"/>',
  '<link rel="preload" href="/_next/static/media/noto-serif.woff2" as="font" crossorigin=""/>',
  '<link rel="icon" href="/icon.svg?icon.1tbcsb8ivbnz6.svg" sizes="any" type="image/svg+xml"/>',
  '<script src="https://elsewhere.example/widget.js" async=""></script>',
]
const RUNTIME_HEAD = [
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/310vm2bl3xxpt.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/module.js"/>',
  '<script src="/_next/static/chunks/turbopack-077hmtqrhcoji.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
  '<script src="/member-view.js"></script>',
]
const KEPT_BODY = [
  '</head><body><h1>The Cranes Are Flying</h1><details><summary>Menu</summary></details>',
  '<script type="application/ld+json">{"@type":"Movie","name":"The Cranes Are Flying"}</script>',
  '<p>&lt;script&gt;self.__next_f.push(1)&lt;/script&gt;</p>',
  '<script>$RC("B:0","S:0")</script>',
]
const RUNTIME_BODY = [
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:{\\"P\\":null,\\"b\\":\\"x\\"}\\n"])</script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/310vm2bl3xxpt.js"],"runtimeModuleIds":[94553]});</script>',
]
const PAGE = [...KEPT_HEAD, ...RUNTIME_HEAD, ...KEPT_BODY, ...RUNTIME_BODY, '</body></html>'].join(
  '',
)
const WITHOUT = [...KEPT_HEAD, ...KEPT_BODY, '</body></html>'].join('')

describe('a shared page without the client runtime', () => {
  it("drops Next's scripts, their preloads, its flight data and member-view.js, and nothing else", () => {
    expect(withoutClientRuntime(PAGE)).toBe(WITHOUT)
  })

  it('leaves a page with no runtime as it is', () => {
    expect(withoutClientRuntime(WITHOUT)).toBe(WITHOUT)
  })
})

describe('holding a page to send it without the runtime', () => {
  const policyFor = (hashes: readonly string[]) => contentSecurityPolicy({ formTargets: [] }, hashes) // prettier-ignore
  const server = createServer((req, res) => {
    holdPageForScriptHashes(res, policyFor, withoutClientRuntime)
    const encoding = req.url!.slice(1)
    const body =
      encoding === 'gzip'
        ? gzipSync(PAGE)
        : encoding === 'br'
          ? brotliCompressSync(PAGE)
          : Buffer.from(PAGE)
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    })
    res.write(body.subarray(0, 100))
    res.end(body.subarray(100))
  })
  const listening = new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  const get = async (encoding: string) => {
    const port = await listening
    return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request({ port, host: '127.0.0.1', path: `/${encoding}` }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      })
        .on('error', reject)
        .end()
    })
  }

  it.each([
    ['identity', (body: Buffer) => body],
    ['gzip', gunzipSync],
    ['br', brotliDecompressSync],
  ])(
    'sends the page without it (%s), its length right, its policy listing what is left',
    async (encoding, decode) => {
      const { headers, body } = await get(encoding)
      expect(decode(body).toString()).toBe(WITHOUT)
      expect(Number(headers['content-length'])).toBe(body.length)
      expect(headers['content-security-policy']).toBe(policyFor(inlineScriptHashes(WITHOUT)))
      expect(inlineScriptHashes(WITHOUT)).toHaveLength(1) // React's $RC, which needs no runtime
    },
  )
})

describe('a page rendered per request, for Back and Forward', () => {
  const NO_STORE = 'private, no-cache, no-store, max-age=0, must-revalidate'
  // Answers as Next does for /films: no-store, headers set first or given to writeHead.
  const server = createServer((req, res) => {
    restorableForVisitor(req, res)
    const type = req.url === '/data' ? 'application/json' : 'text/html; charset=utf-8'
    if (req.url === '/cookie') res.setHeader('set-cookie', 'csrf=1; Path=/')
    if (req.url === '/explicit') return res.writeHead(200, { 'Content-Type': type, 'Cache-Control': NO_STORE }).end('<p>x</p>') // prettier-ignore
    res.setHeader('content-type', type)
    res.setHeader('cache-control', NO_STORE)
    res.end('<p>x</p>')
  })
  const listening = new Promise<string>(
    (resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)), // prettier-ignore
  )
  afterAll(() => new Promise((resolve) => server.close(resolve)))
  const cacheControlOf = async (path: string, init: RequestInit = {}) =>
    (await fetch(`${await listening}${path}`, init)).headers.get('cache-control')

  it('lets a visitor’s browser keep the page, and no one else’s', async () => {
    const NO_CACHE = 'private, no-cache, max-age=0, must-revalidate'
    expect(await cacheControlOf('/films')).toBe(NO_CACHE)
    expect(await cacheControlOf('/explicit')).toBe(NO_CACHE)
    expect(await cacheControlOf('/films', { headers: { cookie: 'theme=dark' } })).toBe(NO_CACHE)
    const session = { headers: { cookie: 'authjs.session-token=eyJ.abc' } }
    expect(await cacheControlOf('/films', session)).toBe(NO_STORE)
    expect(await cacheControlOf('/cookie')).toBe(NO_STORE)
    expect(await cacheControlOf('/data')).toBe(NO_STORE)
    expect(await cacheControlOf('/films', { method: 'POST' })).toBe(NO_STORE)
  })
})

describe('a shared page’s answer', () => {
  // Answers as Next does: Vary set before, given to writeHead, or not at all.
  const server = createServer((req, res) => {
    variesByCookie(res)
    if (req.url === '/set') res.setHeader('vary', 'RSC, Accept-Encoding')
    if (req.url === '/given') return res.writeHead(200, { Vary: 'Accept-Encoding' }).end('x')
    if (req.url === '/already') res.setHeader('vary', 'Cookie, Accept-Encoding')
    res.end('x')
  })
  const listening = new Promise<string>(
    (resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)), // prettier-ignore
  )
  afterAll(() => new Promise((resolve) => server.close(resolve)))
  const varyOf = async (path: string) => (await fetch(`${await listening}${path}`)).headers.get('vary') // prettier-ignore

  it('varies by cookie, beside what Next varies by, once', async () => {
    expect(await varyOf('/set')).toBe('RSC, Accept-Encoding, Cookie')
    expect(await varyOf('/given')).toBe('Accept-Encoding, Cookie')
    expect(await varyOf('/already')).toBe('Cookie, Accept-Encoding')
    expect(await varyOf('/none')).toBe('Cookie')
  })
})
