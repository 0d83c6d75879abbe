import { createServer, request, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sentBackTooLarge } from '@/lib/server/oversized-upload'

// A real server in front of the check, as server.ts has it: what it does not answer gets 200.
const bodyLimit = 1000
let server: Server
let origin: string

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (await sentBackTooLarge(req, res, { siteOrigin: 'https://kinofront.example', bodyLimit })) {
      return
    }
    req.resume()
    req.on('end', () => res.end('passed on'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function post(path: string, bytes: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; location?: string }>((resolve, reject) => {
    const sent = request(`${origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(bytes),
        ...headers,
      },
    })
    sent.on('response', (response) => {
      response.resume()
      resolve({ status: response.statusCode!, location: response.headers.location })
    })
    sent.on('error', reject)
    sent.end(Buffer.alloc(bytes, 'a'))
  })
}

describe('sentBackTooLarge: an upload over the limit sent without JavaScript', () => {
  it('sends the import page back to itself, to say so by the field, after reading the body', async () => {
    expect(await post('/settings/data', bodyLimit + 1)).toEqual({
      status: 303,
      location: '/settings/data?upload=too-large',
    })
    expect(await post('/settings/data?upload=too-large', 5 * bodyLimit)).toMatchObject({
      status: 303,
    })
  })

  it('leaves alone a body within the limit, a fetch from JavaScript, and other pages', async () => {
    expect(await post('/settings/data', bodyLimit)).toMatchObject({ status: 200 })
    expect(await post('/settings/data', bodyLimit + 1, { 'next-action': 'abc' })).toMatchObject({
      status: 200,
    })
    expect(await post('/curate', bodyLimit + 1)).toMatchObject({ status: 200 })
  })

  it('leaves a form from another site to be refused as such', async () => {
    const crossSite = { 'sec-fetch-site': 'cross-site' }
    expect(await post('/settings/data', bodyLimit + 1, crossSite)).toMatchObject({ status: 200 })
  })
})
