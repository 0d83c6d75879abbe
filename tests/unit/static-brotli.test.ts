import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptsBrotli, staticBrotli } from '@/lib/server/static-brotli'

const script = `console.log(${JSON.stringify('Летят журавли '.repeat(500))})\n`
let dir: string
let server: Server
let base: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kinofront-brotli-'))
  mkdirSync(join(dir, 'static/chunks'), { recursive: true })
  writeFileSync(join(dir, 'static/chunks/0abc~1.js'), script)
  writeFileSync(join(dir, 'static/chunks/page.css'), '.a{color:red}')
  writeFileSync(join(dir, 'secret.js'), 'outside the static folder')
  const serve = staticBrotli(dir)
  server = createServer(async (req, res) => {
    if (await serve(req, res)) return
    res.writeHead(418).end('left to Next')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

/** node:http rather than fetch, which would decode the body and hide the encoding. */
function get(path: string, acceptEncoding: string, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(base + path, { method, headers: { 'accept-encoding': acceptEncoding } })
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      })
      req.on('error', reject)
      req.end()
    },
  )
}

describe('acceptsBrotli', () => {
  it('reads the Accept-Encoding header a browser sends', () => {
    expect(acceptsBrotli('gzip, deflate, br, zstd')).toBe(true)
    expect(acceptsBrotli('br;q=0.5, gzip')).toBe(true)
    expect(acceptsBrotli('gzip, deflate')).toBe(false)
    expect(acceptsBrotli('br;q=0, gzip')).toBe(false)
    expect(acceptsBrotli('brotli')).toBe(false)
    expect(acceptsBrotli(undefined)).toBe(false)
  })
})

describe('staticBrotli', () => {
  it('sends a build script compressed with brotli, smaller than the file, and decoding to it', async () => {
    const res = await get('/_next/static/chunks/0abc~1.js?dpl=x', 'gzip, deflate, br')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/^application\/javascript/)
    expect(res.headers['vary']).toBe('Accept-Encoding')
    expect(res.headers['cache-control']).toContain('immutable')
    expect(res.body.length).toBeLessThan(script.length / 10)
    expect(brotliDecompressSync(res.body).toString()).toBe(script)
  })

  it('answers HEAD with the headers only', async () => {
    const res = await get('/_next/static/chunks/page.css', 'br', 'HEAD')
    expect(res.headers['content-type']).toMatch(/^text\/css/)
    expect(res.body.length).toBe(0)
  })

  it('leaves to Next a browser without brotli, a missing file, other paths and other folders', async () => {
    for (const [path, encoding] of [
      ['/_next/static/chunks/0abc~1.js', 'gzip, deflate'],
      ['/_next/static/chunks/missing.js', 'br'],
      ['/_next/static/chunks/../../secret.js', 'br'],
      ['/_next/static/%2e%2e/secret.js', 'br'],
      ['/_next/image?url=x.js', 'br'],
      ['/films/liberation.js', 'br'],
    ] as const) {
      const res = await get(path, encoding)
      expect(res.status, path).toBe(418)
    }
  })
})
