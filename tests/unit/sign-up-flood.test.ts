import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { CLIENT_ADDRESS_HEADER } from '@/lib/client-address'
import { accountMessages } from '@/lib/rules/accounts'
import {
  answerSignUpFlood,
  noteSignUpRefused,
  watchSignUpHashing,
} from '@/lib/server/sign-up-flood'

// A server that answers like server.ts: the flood guard first, else "the app" (here: 'app').
let hashingFull = false
watchSignUpHashing(() => (hashingFull ? { retryAfterSeconds: 5 } : null))
const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = String(req.headers['x-test-address'])
  if (answerSignUpFlood(req, res, new URL(req.url!, 'http://x').pathname)) return
  req.resume()
  res.end('app')
})
const listening = new Promise<string>(
  (resolve) =>
  server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)), // prettier-ignore
)
afterAll(() => new Promise((resolve) => server.close(resolve)))

const post = async (address: string, path = '/signup', headers: Record<string, string> = {}) => {
  const response = await fetch(`${await listening}${path}`, {
    method: 'POST',
    headers: { 'x-test-address': address, ...headers },
    body: new URLSearchParams({ username: 'x', email: 'x@example.test', password: 'secret words' }),
  })
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() } // prettier-ignore
}

describe('sign-up flood guard', () => {
  it('leaves sign-ups to the app until an address has had three full refusals, then answers 429 itself', async () => {
    const address = '203.0.113.7'
    const until = new Date(Date.now() + 10 * 60_000)
    for (let i = 0; i < 2; i++) {
      noteSignUpRefused(address, until)
      expect((await post(address)).body).toBe('app')
    }
    noteSignUpRefused(address, until)
    const short = await post(address)
    expect(short.status).toBe(429)
    expect(Number(short.retryAfter)).toBeGreaterThan(9 * 60)
    expect(Number(short.retryAfter)).toBeLessThanOrEqual(10 * 60)
    expect(short.body).toContain(
      'Too many accounts have been created from your address. Try again in 10 minutes',
    )
    expect(short.body).toContain('<a href="/signup">Back to the sign-up form</a>')
    // Another address, another page, and a GET of the form itself: still the app's.
    expect((await post('203.0.113.8')).body).toBe('app')
    expect((await post(address, '/signin')).body).toBe('app')
    // The browser's own action call gets the action's answer, which its form can show.
    expect((await post(address, '/signup', { 'next-action': 'abc' })).body).toBe('app')
    expect(await (await fetch(`${await listening}/signup`, { headers: { 'x-test-address': address } })).text()).toBe('app') // prettier-ignore
  })

  it('lets the address try again once its window is over', async () => {
    const address = '203.0.113.9'
    for (let i = 0; i < 3; i++) noteSignUpRefused(address, new Date(Date.now() + 50))
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect((await post(address)).body).toBe('app')
  })

  it('answers 503 "busy" with Retry-After while the hashing queue is full', async () => {
    hashingFull = true
    const busy = await post('203.0.113.10')
    hashingFull = false
    expect(busy).toMatchObject({ status: 503, retryAfter: '5' })
    expect(busy.body).toContain(accountMessages.busy(5))
    expect((await post('203.0.113.10')).body).toBe('app')
  })
})
