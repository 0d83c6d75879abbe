import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodeReply } from 'next/dist/compiled/react-server-dom-webpack/client.node.js'
import { expect, test } from './support/fixtures'
import { newMemberSignedIn } from './support/direct-member'

// Requests no browser of ours sends: each gets a 4xx from server.ts or the action, never a 5xx.
const manifest = JSON.parse(
  readFileSync(join(process.env.NEXT_DIST_DIR || '.next', 'server/server-reference-manifest.json'), 'utf8'), // prettier-ignore
) as { node: Record<string, { filename?: string; exportedName?: string }> }
const actionIds = Object.keys(manifest.node)
const signInAction = Object.entries(manifest.node).find(
  ([, { exportedName }]) => exportedName === 'signInWithPassword',
)![0]

const text = { 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' }

test('@js-only bad requests get a 4xx, never a 5xx', async ({ request }) => {
  const sent: { what: string; status: number }[] = []
  const send = async (what: string, path: string, headers: Record<string, string>, data?: string | Buffer) => {
    const response = await request.post(path, { headers, data, maxRedirects: 0, failOnStatusCode: false })
    sent.push({ what, status: response.status() })
  } // prettier-ignore

  const bodies = ['garbage{{', '"x"', '{"a":1}', '["$Q1"]', '["$1"]', '[' .repeat(10_001) + ']'.repeat(10_001)] // prettier-ignore
  for (const id of actionIds) {
    for (const body of bodies) await send(`${id} ${body.slice(0, 12)}`, '/signin', { 'next-action': id, ...text }, body) // prettier-ignore
  }
  await send('json', '/signin', { 'next-action': signInAction, 'content-type': 'application/json' }, '{"email":"a"}') // prettier-ignore
  await send('broken multipart', '/signin', { 'next-action': signInAction, 'content-type': 'multipart/form-data; boundary=xyz' }, '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1') // prettier-ignore
  await send('broken multipart, no JavaScript', '/signin', { 'content-type': 'multipart/form-data; boundary=xyz' }, `--xyz\r\nContent-Disposition: form-data; name="$ACTION_ID_${signInAction}"\r\n\r\n`) // prettier-ignore
  await send('over the limit', '/signin', { 'next-action': signInAction, ...text }, Buffer.alloc(2 * 1024 * 1024, 'a')) // prettier-ignore
  await send('forged origin', '/signin', { 'next-action': signInAction, ...text, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }, '[]') // prettier-ignore
  await send('cross-site', '/signin', { 'next-action': signInAction, ...text, 'sec-fetch-site': 'cross-site' }, '[]') // prettier-ignore
  // An identity provider that is not configured: back to the sign-in page.
  const provider = Object.entries(manifest.node).find(([, { exportedName }]) => exportedName === 'signInWithProvider')![0] // prettier-ignore
  await send('unconfigured provider', '/signin', { 'next-action': provider, ...text }, '["github","/"]') // prettier-ignore

  for (const path of ['/films/%', '/films/%FF', '/u/%FF', '/lists/%E0%A4%A']) {
    const response = await request.get(path, { failOnStatusCode: false })
    sent.push({ what: `GET ${path}`, status: response.status() })
  }

  expect(sent.filter(({ status }) => status >= 500)).toEqual([])
  const statusOf = (what: string) => sent.find((s) => s.what === what)?.status
  expect(statusOf('json')).toBe(415)
  expect(statusOf('broken multipart')).toBe(400)
  expect(statusOf('broken multipart, no JavaScript')).toBe(400)
  expect(statusOf('over the limit')).toBe(413)
  expect(statusOf('forged origin')).toBe(403)
  expect(statusOf('cross-site')).toBe(403)
  expect(statusOf('GET /films/%')).toBe(400)
  expect(statusOf('unconfigured provider')).toBeLessThan(400)
})

test('@js-only a forged Origin with X-Forwarded-Host changes nothing, even with a live session', async ({
  page,
}) => {
  await newMemberSignedIn(page)
  await page.goto('/settings')
  const visibility = Object.entries(manifest.node).find(([, { exportedName }]) => exportedName === 'updateWatchlistVisibility')![0] // prettier-ignore
  const form = new FormData()
  form.set('watchlistPublic', 'on')
  const reply = new Response((await encodeReply([null, form])) as FormData)
  const body = Buffer.from(await reply.arrayBuffer())
  // page.request carries the page's session cookie.
  const forged = await page.request.post('/settings', {
    headers: {
      'next-action': visibility,
      accept: 'text/x-component',
      'content-type': reply.headers.get('content-type')!,
      origin: 'http://evil.example',
      'x-forwarded-host': 'evil.example',
    },
    data: body,
    failOnStatusCode: false,
  })
  expect(forged.status()).toBe(403)
  await page.reload()
  await expect(page.getByLabel('Make my watchlist public')).not.toBeChecked()
})

test('every response carries the security headers, and no other site can frame /settings @same-without-js', async ({
  page,
  request,
}) => {
  for (const path of ['/', '/films/the-cranes-are-flying', '/signin', '/no-such-page']) {
    const headers = (await request.get(path, { failOnStatusCode: false })).headers()
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
    expect(headers['permissions-policy'], path).toContain('camera=()')
    // Served over plain HTTP here: no HSTS.
    expect(headers['strict-transport-security'], path).toBeUndefined()
  }

  await newMemberSignedIn(page)
  const settings = new URL('/settings', page.url()).href
  await page.goto('about:blank')
  const framed = page.waitForEvent('framenavigated', (frame) => frame !== page.mainFrame())
  await page.setContent(`<iframe src="${settings}" title="settings"></iframe>`)
  const frame = await framed
  await frame.waitForLoadState('load')
  // Unframed, it would show the settings (or, without the cookie, the sign-in page).
  expect(await frame.getByRole('heading', { name: /^(Settings|Sign in)$/ }).count()).toBe(0)
})
