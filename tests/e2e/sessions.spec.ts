import type { Browser, BrowserContext, Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import {
  expectSignedInAs,
  expectSignedOut,
  signIn,
  signOut,
  signUpNewUser,
} from './support/accounts'
import { expectNoAxeViolations } from './support/axe'

/** A second browser holding a copy of `from`'s cookies, as someone who copied them would. */
async function copyOfSession(browser: Browser, from: BrowserContext): Promise<Page> {
  const context = await browser.newContext({ storageState: await from.storageState() })
  return context.newPage()
}

const watchlistPublic = (page: Page) => page.getByLabel('Make my watchlist public')

test('after signing out, a copy of the cookie taken before is refused by pages and actions', async ({
  page,
  browser,
}) => {
  test.slow() // signing up, then several pages in two browsers
  const user = await signUpNewUser(page)
  const copy = await copyOfSession(browser, page.context())
  await copy.goto('/settings')
  await expect(copy.getByRole('heading', { level: 1 })).toHaveText('Settings')
  await expect(watchlistPublic(copy)).not.toBeChecked()

  await signOut(page)

  // The copy's settings form was loaded while the session lived; its action is refused now.
  await watchlistPublic(copy).check()
  await copy.getByRole('button', { name: 'Save watchlist setting' }).click()
  await expect(copy).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/)
  // Pages, cached ones included, treat the copy as signed out.
  await copy.goto('/films/the-cranes-are-flying')
  await expectSignedOut(copy)
  await copy.goto('/settings')
  await expect(copy).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/)
  await copy.context().close()

  // Nothing was saved: signed in again, the watchlist is still private.
  await page.goto('/signin?callbackUrl=%2Fsettings')
  await signIn(page, user)
  await expect(page).toHaveURL(/\/settings$/)
  await expect(watchlistPublic(page)).not.toBeChecked()
})

test('"Sign out everywhere" on /settings ends every session of the member', async ({
  page,
  browser,
}) => {
  test.slow() // signing up, then several pages in two browsers
  const user = await signUpNewUser(page)
  const elsewhere = await copyOfSession(browser, page.context())
  await elsewhere.goto('/')
  await expectSignedInAs(elsewhere, user.username)

  await page.goto('/settings')
  // axe runs in the page: with JavaScript on only.
  if (test.info().project.use.javaScriptEnabled !== false) await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(page).toHaveURL(/\/signin\?signedOut=everywhere$/)
  await expect(page.getByRole('status')).toHaveText('You have been signed out on every device.')
  await expectSignedOut(page)

  await elsewhere.reload()
  await expectSignedOut(elsewhere)
  await elsewhere.goto('/settings')
  await expect(elsewhere).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/)
  await elsewhere.context().close()
})
