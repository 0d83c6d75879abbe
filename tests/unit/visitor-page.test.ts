import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { holdPageForScriptHashes } from '@/lib/server/page-script-policy'
import { inlineScriptHashes } from '@/lib/server/script-hashes'
import { contentSecurityPolicy } from '@/lib/server/security-headers'
import { withoutClientRuntime } from '@/lib/server/visitor-page'

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
