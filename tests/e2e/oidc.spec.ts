import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { expectSignedInAs, signOut } from './support/accounts'

// The OpenID Connect provider is tests/e2e/support/oidc-provider.mjs, started by
// playwright.config.ts; its development login page takes any login name and password.
const FILM = '/films/the-cranes-are-flying'
const providerPage = /^http:\/\/127\.0\.0\.1:\d+\/interaction\//

async function signInThroughProvider(page: Page, login: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(FILM)}`)
  await page.getByRole('button', { name: 'Sign in with Test Provider' }).click()

  await expect(page).toHaveURL(providerPage)
  await expect(page.getByRole('heading', { name: 'Sign-in' })).toBeVisible()
  await page.getByPlaceholder('Enter any login').fill(login)
  await page.getByPlaceholder('and password').fill('any password will do')
  await page.getByRole('button', { name: 'Sign-in' }).click()

  // The provider asks once per provider session to share the profile and email with Kinofront.
  await expect(page).toHaveURL(providerPage)
  await expect(page.getByRole('heading', { name: 'Authorize' })).toBeVisible()
  await page.getByRole('button', { name: 'Continue' }).click()
}

test.beforeEach(async ({ context }) => {
  // The provider's pages load a web font; keep the test off the internet.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort())
})

test('sign in with an OpenID Connect provider, choose a username once, and come back', async ({
  page,
  context,
}) => {
  const id = randomBytes(5).toString('hex')
  const login = `person-${id}`
  const username = `oidc_${id}`

  await signInThroughProvider(page, login)
  await expect(page).toHaveURL(/\/welcome\?callbackUrl=%2Ffilms%2Fthe-cranes-are-flying$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a username')
  await page.getByLabel('Username').fill(username)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL(new RegExp(`${FILM}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Cranes Are Flying')
  await expectSignedInAs(page, username)

  await signOut(page)
  // Leave the provider's session too, so the provider asks for the login name again.
  await context.clearCookies({ name: /^_session/ })

  await signInThroughProvider(page, login)
  // The same account: straight back to the film, under the username chosen the first time.
  await expect(page).toHaveURL(new RegExp(`${FILM}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Cranes Are Flying')
  await expectSignedInAs(page, username)
  await expect(page.getByRole('link', { name: 'Choose a username' })).toHaveCount(0)
})
