import type { Page } from '@playwright/test'
import { MEMBER_VIEW } from '../../lib/member-view'
import { signIn } from './support/accounts'
import { asMember, expect, test } from './support/fixtures'

// The pages everyone shares reach a visitor without Next's runtime (lib/server/visitor-page.ts);
// a member whose browser runs JavaScript gets them whole, and hydrates them.
test.describe.configure({ timeout: 90_000 })

const SHARED_PAGES = ['/', '/films/the-cranes-are-flying', '/people/mikhail-kalatozov', '/decades/1940s'] // prettier-ignore

/** The scripts a page loads from files, and whether any inline script other than data ran. */
async function scriptsOf(page: Page, path: string) {
  const loaded: string[] = []
  const onRequest = (request: { resourceType(): string; url(): string }) => {
    if (request.resourceType() === 'script') loaded.push(new URL(request.url()).pathname)
  }
  page.on('request', onRequest)
  const response = await page.goto(path, { waitUntil: 'networkidle' })
  page.off('request', onRequest)
  expect(response!.status(), path).toBe(200)
  const inline = await page.evaluate(() =>
    [...document.scripts]
      .filter((script) => script.type !== 'application/ld+json')
      .map((script) => script.src || script.textContent!.slice(0, 60)),
  )
  const nextRuns = await page.evaluate(() => 'next' in window || '__next_f' in self)
  return { loaded, inline, nextRuns }
}

test('@js-only a visitor gets each shared page without a script, and it works', async ({
  page,
}) => {
  for (const path of SHARED_PAGES) {
    expect(await scriptsOf(page, path), path).toEqual({ loaded: [], inline: [], nextRuns: false })
  }

  // Everything a visitor can do there is a link, a GET form or a <details>.
  await page.goto('/films/the-cranes-are-flying')
  const main = page.getByRole('main')
  await main.getByRole('link', { name: 'Mikhail Kalatozov' }).click()
  await expect(page).toHaveURL(/\/people\/mikhail-kalatozov$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mikhail Kalatozov')
  const search = page.getByRole('banner').getByRole('searchbox', { name: 'Search films' })
  await search.fill('cranes')
  await search.press('Enter')
  await expect(page).toHaveURL(/\/films\?q=cranes$/)
  await expect(page.getByRole('main').getByRole('status')).toContainText('matching “cranes”')
  // The catalogue, rendered per request, comes without scripts too: its filters are a GET form.
  expect(await scriptsOf(page, '/films?q=cranes')).toEqual({
    loaded: [],
    inline: [],
    nextRuns: false,
  })
  await page
    .getByRole('form', { name: 'Filter films' })
    .getByRole('button', { name: 'Show films' })
    .click()
  await expect(page).toHaveURL(/\/films\?q=cranes&/)
  // The sign-in page keeps its scripts (its form shows its errors in place).
  expect((await scriptsOf(page, '/signin')).nextRuns).toBe(true)
})

test('@js-only a visitor who signs in from a shared page ends up with the member view', async ({
  page,
  member,
}) => {
  await page.goto('/films/the-cranes-are-flying')
  await page.getByRole('link', { name: 'Sign in to rate' }).click()
  await signIn(page, member)
  await expect(page).toHaveURL(/\/films\/the-cranes-are-flying$/)
  await expect(page.getByRole('group', { name: 'Your rating' })).toBeVisible()
  // The page rendered for the member marks the browser as running JavaScript…
  await expect
    .poll(async () => (await page.context().cookies()).some((c) => c.name === MEMBER_VIEW.cookie))
    .toBe(true)
  // …so the next shared page is the one everyone gets, hydrated, with the member's own part.
  const { loaded, nextRuns } = await scriptsOf(page, '/films/the-cranes-are-flying')
  expect(loaded.some((path) => path.startsWith('/_next/static/'))).toBe(true)
  expect(nextRuns).toBe(true)
  await expect(page.getByRole('group', { name: 'Your rating' })).toBeVisible()
  await expect(page.getByRole('banner').getByRole('link', { name: member.username })).toBeVisible()
})

test.describe('signed in as the member', () => {
  test.use(asMember)

  test('@js-only the member gets the shared pages with their scripts, and their own part', async ({
    page,
    member,
  }) => {
    for (const path of SHARED_PAGES) {
      const { loaded, nextRuns } = await scriptsOf(page, path)
      expect(
        loaded.some((file) => file.startsWith('/_next/static/')),
        path,
      ).toBe(true)
      expect(nextRuns, path).toBe(true)
      await expect(page.getByRole('banner').getByRole('link', { name: member.username })).toBeVisible() // prettier-ignore
    }
  })
})
