import type { Page } from '@playwright/test'
import { inlineScriptHashes } from '../../lib/server/script-hashes'
import { asMember, expect, test } from './support/fixtures'
import { createList } from './support/list-page'

// Many pages, one after another, on a busy machine.
test.describe.configure({ timeout: 120_000 })

// The pages people use most, signed out and signed in (shared cached pages, per-request pages,
// a search, Auth.js's sign-in form and the not-found page).
const PAGES = ['/', '/films', '/films?q=cranes', '/films/a-span-of-earth', '/films/a-span-of-earth', '/people/abram-room', '/decades/1940s', '/signin', '/signup', '/films/no-such-film'] // prettier-ignore
const MEMBER_PAGES = ['/settings', '/lists', '/diary', '/watchlist']

/** Every Content-Security-Policy violation the page reports, by event and in the console. */
async function watchViolations(page: Page) {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (what: string) => violations.push(what))
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { reportViolation: (what: string) => void }).reportViolation // prettier-ignore
        report(
          `${location.pathname}: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
        )
      },
      true,
    )
  })
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

/**
 * Loads each page and waits until Next's scripts have run (its router is set up); a shared page
 * that a visitor gets without them (lib/server/visitor-page.ts), until it has loaded.
 */
async function visitAll(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path)
    await page.waitForFunction(
      () =>
        document.readyState === 'complete' &&
        ('next' in window || !document.querySelector('script[src^="/_next/"]')),
    )
  }
}

test('@js-only signed out: the main pages run their scripts with no policy violation', async ({
  page,
}) => {
  const violations = await watchViolations(page)
  await visitAll(page, PAGES)
  expect(violations).toEqual([])
  // An injected inline script is refused: the policy is really enforced.
  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.injected = true'
    document.body.append(script)
  })
  expect(await page.evaluate(() => 'injected' in window)).toBe(false)
  await expect.poll(() => violations).toContainEqual(expect.stringMatching(/^\/films\/no-such-film: script-src/)) // prettier-ignore
})

test.describe('signed in as the member', () => {
  test.use(asMember)

  test('@js-only the main pages and their forms work with no policy violation', async ({
    page,
    film,
  }) => {
    const violations = await watchViolations(page)
    await visitAll(page, [...PAGES, ...MEMBER_PAGES])
    await film.goto('a-span-of-earth')
    await film.rate('4 stars')
    await film.removeRating()
    await createList(page, 'Checked by the policy test')
    await film.goto('a-span-of-earth')
    await film.addToList('Checked by the policy test')
    expect(violations).toEqual([])
  })
})

test('the policy allows no inline script but the page’s own, by hash; and the other headers @same-without-js', async ({
  request,
}) => {
  for (const path of [
    '/films/air-cabby',
    '/films/air-cabby',
    '/films?q=cranes',
    '/signin',
    '/films/none',
  ]) {
    const response = await request.get(path, { failOnStatusCode: false })
    const policy = response.headers()['content-security-policy']!
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src '))
    const hashes = inlineScriptHashes(await response.text())
    // A visitor gets a shared film page and the catalogue without Next's scripts: nothing
    // inline to allow.
    if (path.startsWith('/films/air-cabby') || path.startsWith('/films?')) {
      expect(hashes, path).toEqual([])
    } else expect(hashes.length, path).toBeGreaterThan(0)
    expect(scriptSrc, path).toBe(["script-src 'self'", ...hashes].join(' '))
    expect(policy, path).toContain("frame-ancestors 'none'")
    expect(response.headers(), path).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': expect.stringContaining('camera=()'),
    })
    // Served over plain HTTP here: no HSTS (tests/unit/request-guard.test.ts checks HTTPS).
    expect(response.headers()['strict-transport-security'], path).toBeUndefined()
  }
  const data = await request.get('/healthz')
  expect(data.headers()['content-security-policy']).toContain("script-src 'self'; ")
})
