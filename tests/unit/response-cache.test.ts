import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createResponseCache } from '@/lib/response-cache'

// A stand-in for Next's request handler: it counts its calls per URL and answers by path.
const calls = new Map<string, number>()
const callsTo = (url: string) => calls.get(url) ?? 0

// Requests for /slow/* wait here until two of them are in the handler at once.
const waiting = new Map<string, () => void>()

// Requests for /held/* wait here until the test lets them answer.
const held = new Map<string, () => void>()

const GZIP_TEXT = (n: number) => `<p>${'compressible '.repeat(40)} render ${n}</p>`

async function fakeNext(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? '/'
  const n = callsTo(url) + 1
  calls.set(url, n)
  const path = new URL(url, 'http://localhost').pathname

  const page = (body: string) => {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader('cache-control', 's-maxage=31536000')
    res.setHeader('x-nextjs-cache', 'HIT')
    res.end(body)
  }

  if (path === '/cached' || path.startsWith('/page/')) return page(`<p>${path} render ${n}</p>`)
  if (path.startsWith('/held/')) {
    await new Promise<void>((resolve) => held.set(url, resolve))
    held.delete(url)
    return page(`<p>${path} render ${n}</p>`)
  }
  if (path === '/stale') {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader('x-nextjs-cache', 'STALE')
    return res.end(`<p>stale render ${n}</p>`)
  }
  if (path === '/dynamic') {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    return res.end(`<p>dynamic render ${n}</p>`)
  }
  if (path === '/missing') {
    res.statusCode = 404
    res.setHeader('x-nextjs-cache', 'HIT')
    return res.end(`<p>not found render ${n}</p>`)
  }
  if (path === '/cookie') {
    res.setHeader('set-cookie', `visit=${n}; Path=/; HttpOnly`)
    return page(`<p>cookie render ${n}</p>`)
  }
  if (path === '/chunked') {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader('x-nextjs-cache', 'HIT')
    res.write('<p>one ')
    await new Promise((resolve) => setImmediate(resolve))
    res.write(Buffer.from('two '))
    await new Promise((resolve) => setImmediate(resolve))
    res.write(new TextEncoder().encode(`three render ${n}</p>`))
    await new Promise((resolve) => setImmediate(resolve))
    return res.end()
  }
  if (path === '/gzip') {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader('vary', 'Accept-Encoding')
    res.setHeader('x-nextjs-cache', 'HIT')
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.setHeader('content-encoding', 'gzip')
      return res.end(gzipSync(GZIP_TEXT(n)))
    }
    return res.end(GZIP_TEXT(n))
  }
  if (path === '/encoded') {
    // Strings in another encoding than UTF-8, which ServerResponse accepts.
    res.setHeader('content-type', 'text/plain; charset=utf-8')
    res.setHeader('x-nextjs-cache', 'HIT')
    res.write(Buffer.from('hello ').toString('hex'), 'hex')
    return res.end(Buffer.from(`world ${n}`).toString('base64'), 'base64')
  }
  if (path.startsWith('/slow/')) {
    if (waiting.has(url)) waiting.get(url)!()
    else await new Promise<void>((resolve) => waiting.set(url, resolve))
    waiting.delete(url)
    return page(`<p>${path} render ${n}</p>`)
  }
  res.statusCode = 500
  res.end(`fake Next has no route for ${url}`)
}

// Most tests never see an entry expire or get evicted; the others replace the cache.
const DEFAULTS = { ttlMs: 60_000, maxEntries: 100 }
let cache = createResponseCache(DEFAULTS)
const useCache = (options: Partial<typeof DEFAULTS>) => {
  cache = createResponseCache({ ...DEFAULTS, ...options })
}

// The same order as server.ts: answer from the cache, or record what Next sends. A test names
// the view of the page it asks for (server.ts: the copy without scripts) in `x-view`.
const server = createServer((req, res) => {
  const view = String(req.headers['x-view'] ?? '')
  if (cache.serve(req, res, view)) return
  cache.record(req, res, view)
  void fakeNext(req, res)
})
let origin = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  )
})

beforeEach(() => {
  calls.clear()
  useCache({})
})

// fetch asks for gzip unless told otherwise, and that is part of the cache key.
async function get(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(origin + path, {
    ...init,
    headers: { 'accept-encoding': 'identity', ...init.headers },
  })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

// fetch decompresses gzip by itself, so the encoding tests look at the bytes on the wire.
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
    const req = request(origin + path, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('createResponseCache', () => {
  it('forgets the pages a write made stale, in every encoding, and keeps the others', async () => {
    const browserEncodings = { 'accept-encoding': 'gzip, deflate, br, zstd' }
    await get('/page/a')
    await rawGet('/page/a', browserEncodings)
    await get('/page/b')
    cache.forget(['/page/a'])
    expect((await get('/page/a')).body).toBe('<p>/page/a render 3</p>')
    expect((await rawGet('/page/a', browserEncodings)).body.toString()).toBe(
      '<p>/page/a render 4</p>',
    )
    expect((await get('/page/b')).body).toBe('<p>/page/b render 1</p>')
  })

  it('keeps each view of a page apart, and forgets them all', async () => {
    const visitor = { headers: { 'x-view': 'without-scripts' } }
    expect((await get('/page/a')).body).toBe('<p>/page/a render 1</p>')
    expect((await get('/page/a', visitor)).body).toBe('<p>/page/a render 2</p>')
    expect((await get('/page/a')).body).toBe('<p>/page/a render 1</p>')
    expect((await get('/page/a', visitor)).body).toBe('<p>/page/a render 2</p>')
    expect(callsTo('/page/a')).toBe(2)
    cache.forget(['/page/a'])
    expect((await get('/page/a', visitor)).body).toBe('<p>/page/a render 3</p>')
    expect((await get('/page/a')).body).toBe('<p>/page/a render 4</p>')
  })

  it('serves a second request within the TTL from the cache, with the same headers', async () => {
    const first = await get('/cached')
    const second = await get('/cached')
    expect(callsTo('/cached')).toBe(1)
    expect(first).toMatchObject({ status: 200, body: '<p>/cached render 1</p>' })
    expect(second.status).toBe(200)
    expect(second.body).toBe(first.body)
    for (const name of ['content-type', 'cache-control', 'x-nextjs-cache']) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name))
    }
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8')
  })

  it('keeps one copy per URL', async () => {
    await get('/page/a')
    const b = await get('/page/b')
    expect(b.body).toBe('<p>/page/b render 1</p>')
    expect((await get('/page/a')).body).toBe('<p>/page/a render 1</p>')
    expect((await get('/page/b')).body).toBe('<p>/page/b render 1</p>')
    expect([callsTo('/page/a'), callsTo('/page/b')]).toEqual([1, 1])
  })

  it('asks the handler again once the TTL has passed, and keeps the new copy', async () => {
    // Only Date is faked, so the server and fetch run as usual but the clock is exact.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
    try {
      useCache({ ttlMs: 50 })
      await get('/cached')
      vi.setSystemTime(Date.now() + 49)
      expect((await get('/cached')).body).toBe('<p>/cached render 1</p>')
      vi.setSystemTime(Date.now() + 2)
      expect((await get('/cached')).body).toBe('<p>/cached render 2</p>')
      vi.setSystemTime(Date.now() + 49)
      expect((await get('/cached')).body).toBe('<p>/cached render 2</p>')
      expect(callsTo('/cached')).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('lets an entry expire on the real clock', async () => {
    useCache({ ttlMs: 50 })
    await get('/cached')
    await sleep(100)
    expect((await get('/cached')).body).toBe('<p>/cached render 2</p>')
    expect(callsTo('/cached')).toBe(2)
  })

  describe.each([
    ['cookie', 'session=abc'],
    ['authorization', 'Bearer secret'],
    ['rsc', '1'],
    ['next-action', '7f3a9c'],
    ['next-router-state-tree', '%5B%22%22%5D'],
    ['next-router-prefetch', '1'],
    ['next-url', '/films'],
  ])('a request with the %s header', (name, value) => {
    it('is not served from the cache', async () => {
      await get('/cached')
      const personal = await get('/cached', { headers: { [name]: value } })
      expect(personal.body).toBe('<p>/cached render 2</p>')
      expect(callsTo('/cached')).toBe(2)
    })

    it('is not stored in the cache', async () => {
      await get('/cached', { headers: { [name]: value } })
      expect((await get('/cached')).body).toBe('<p>/cached render 2</p>')
      expect(callsTo('/cached')).toBe(2)
    })
  })

  it('neither serves nor stores a URL with a query string', async () => {
    await get('/cached?page=2')
    expect((await get('/cached?page=2')).body).toBe('<p>/cached render 2</p>')
    expect(callsTo('/cached?page=2')).toBe(2)
  })

  it('does not store a URL with a query string even out of sight (it would evict others)', async () => {
    useCache({ maxEntries: 1 })
    await get('/cached')
    await get('/cached?page=2')
    await get('/cached?page=3')
    expect((await get('/cached')).body).toBe('<p>/cached render 1</p>')
    expect(callsTo('/cached')).toBe(1)
  })

  it('does not serve a POST from the cache', async () => {
    await get('/cached')
    const post = await get('/cached', { method: 'POST' })
    expect(post.body).toBe('<p>/cached render 2</p>')
    expect(callsTo('/cached')).toBe(2)
  })

  it('does not store the answer to a POST', async () => {
    await get('/cached', { method: 'POST' })
    expect((await get('/cached')).body).toBe('<p>/cached render 2</p>')
    expect(callsTo('/cached')).toBe(2)
  })

  it('does not keep a copy Next was making when pages were forgotten', async () => {
    const release = async (answer: Promise<{ body: string }>) => {
      await vi.waitFor(() => expect(held.has('/held/a')).toBe(true))
      held.get('/held/a')!()
      return (await answer).body
    }
    const before = get('/held/a')
    await vi.waitFor(() => expect(held.has('/held/a')).toBe(true))
    cache.forget(['/held/a'])
    expect(await release(before)).toBe('<p>/held/a render 1</p>')
    expect(await release(get('/held/a'))).toBe('<p>/held/a render 2</p>')
    // Made after the forget, the copy is kept.
    expect((await get('/held/a')).body).toBe('<p>/held/a render 2</p>')
  })

  it('does not keep the stale copy Next answers with while it renders a new one', async () => {
    await get('/stale')
    expect((await get('/stale')).body).toBe('<p>stale render 2</p>')
  })

  it('does not store a response that is not 200', async () => {
    expect((await get('/missing')).status).toBe(404)
    const again = await get('/missing')
    expect(again).toMatchObject({ status: 404, body: '<p>not found render 2</p>' })
    expect(callsTo('/missing')).toBe(2)
  })

  it('does not store a response without x-nextjs-cache', async () => {
    await get('/dynamic')
    expect((await get('/dynamic')).body).toBe('<p>dynamic render 2</p>')
    expect(callsTo('/dynamic')).toBe(2)
  })

  it('does not store a response that sets a cookie', async () => {
    const first = await get('/cookie')
    expect(first.headers.get('set-cookie')).toBe('visit=1; Path=/; HttpOnly')
    const second = await get('/cookie')
    expect(second.body).toBe('<p>cookie render 2</p>')
    expect(second.headers.get('set-cookie')).toBe('visit=2; Path=/; HttpOnly')
    expect(callsTo('/cookie')).toBe(2)
  })

  it('stores a body written in several chunks whole', async () => {
    const first = await get('/chunked')
    expect(first.body).toBe('<p>one two three render 1</p>')
    const second = await get('/chunked')
    expect(second.body).toBe(first.body)
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(callsTo('/chunked')).toBe(1)
  })

  it('keeps a gzip copy and an identity copy apart', async () => {
    const gzip = { 'accept-encoding': 'gzip, deflate, br' }
    const identity = { 'accept-encoding': 'identity' }
    const isGzip = (body: Buffer) => body[0] === 0x1f && body[1] === 0x8b

    // The gzip copy is stored first, so an identity client could only get it from the cache.
    for (const round of [1, 2]) {
      const zipped = await rawGet('/gzip', gzip)
      expect(zipped.headers['content-encoding'], `round ${round}`).toBe('gzip')
      expect(isGzip(zipped.body)).toBe(true)
      expect(gunzipSync(zipped.body).toString()).toBe(GZIP_TEXT(1))

      const plain = await rawGet('/gzip', identity)
      expect(plain.headers['content-encoding'], `round ${round}`).toBeUndefined()
      expect(isGzip(plain.body)).toBe(false)
      expect(plain.body.toString()).toBe(GZIP_TEXT(2))
    }
    expect(callsTo('/gzip')).toBe(2)
  })

  it('gives a fetch client the page it asked for in either encoding', async () => {
    const zipped = await get('/gzip', { headers: { 'accept-encoding': 'gzip' } })
    const plain = await get('/gzip')
    const zippedAgain = await get('/gzip', { headers: { 'accept-encoding': 'gzip' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(zippedAgain.headers.get('content-encoding')).toBe('gzip')
    expect([zipped.body, plain.body, zippedAgain.body]).toEqual([
      GZIP_TEXT(1),
      GZIP_TEXT(2),
      GZIP_TEXT(1),
    ])
    expect(callsTo('/gzip')).toBe(2)
  })

  it('evicts the oldest entry once it holds maxEntries', async () => {
    useCache({ maxEntries: 2 })
    await get('/page/a')
    await get('/page/b')
    await get('/page/c')
    // b and c are still there; asking for a again (which evicts b) shows it was dropped.
    expect((await get('/page/c')).body).toBe('<p>/page/c render 1</p>')
    expect((await get('/page/b')).body).toBe('<p>/page/b render 1</p>')
    expect((await get('/page/a')).body).toBe('<p>/page/a render 2</p>')
    expect([callsTo('/page/a'), callsTo('/page/b'), callsTo('/page/c')]).toEqual([2, 1, 1])
  })

  // BUG: when the cache is full, storing a URL it already holds evicts the oldest *other*
  // entry before replacing this one. Concurrent misses for one page (the burst this cache is
  // for) store it once each, so each extra one drops an unrelated page.
  it('does not evict another page when concurrent misses store the same page', async () => {
    useCache({ maxEntries: 3 })
    await get('/page/a')
    await get('/page/b')
    const [one, two] = await Promise.all([get('/slow/c'), get('/slow/c')])
    expect([one.status, two.status]).toEqual([200, 200])
    expect(callsTo('/slow/c')).toBe(2)
    // Three distinct pages fit in three entries, so a and b are both still cached.
    expect((await get('/page/a')).body).toBe('<p>/page/a render 1</p>')
    expect((await get('/page/b')).body).toBe('<p>/page/b render 1</p>')
  })

  // BUG: record() turns string chunks into bytes as UTF-8, ignoring the encoding argument of
  // res.write / res.end, so the stored body differs from what was sent.
  it('stores string chunks written with an explicit encoding as sent', async () => {
    const first = await get('/encoded')
    expect(first.body).toBe('hello world 1')
    expect((await get('/encoded')).body).toBe('hello world 1')
    expect(callsTo('/encoded')).toBe(1)
  })
})
