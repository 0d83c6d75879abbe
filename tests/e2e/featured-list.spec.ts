import type { Page } from '@playwright/test'
import { newMemberSignedIn } from './support/direct-member'
import { expectNoAxeViolations } from './support/axe'
import { grantCurator } from './support/curator'
import { expect, test } from './support/fixtures'

// Featuring a list changes the home page for everyone: playwright.config.ts runs this file in a
// project of its own, after the tests that expect the bundled list there, one test at a time.
test.describe.configure({ mode: 'serial' })

const BUNDLED = 'Soviet films of the Great Patriotic War'
const FIXTURE = 'tests/fixtures/curated/e2e-list.txt'
const IMPORTED = 'War films from everywhere'

async function signUpCurator(page: Page) {
  const user = await newMemberSignedIn(page)
  grantCurator(user.username)
  return user
}

/**
 * Chooses the list at `slug`, titled `title`, in /curate's "Featured list" form (other tests
 * import lists with the same title; the choice names their slugs).
 */
async function feature(page: Page, title: string, slug: string) {
  await page.goto('/curate')
  const form = page.getByRole('region', { name: 'Featured list' })
  await form.getByLabel('Featured list').selectOption(slug)
  await form.getByRole('button', { name: 'Feature this list' }).click()
  await expect(page.getByRole('status')).toContainText(`The home page now shows “${title}”`)
  await expect(form).toContainText(`The home page shows “${title}”.`)
  await expect(form.getByLabel('Featured list').locator('option:checked')).toContainText(title)
}

/** The home page, as someone signed out, follows within a short while (pages are cached). */
async function expectHomeShows(visitor: Page, title: string) {
  await expect(async () => {
    await visitor.goto('/')
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 1000 })
  }).toPass({ timeout: 10_000 })
  await expect(visitor).toHaveTitle(`Kinofront — ${title}`)
}

test('a curator features another list; the home page and film pages follow', async ({
  page,
  visitor,
}, info) => {
  test.setTimeout(240_000)
  const user = await signUpCurator(page)
  const slug = `featured-${info.project.name}`
  await page.goto('/curate')
  await page.getByLabel('List file').setInputFiles(FIXTURE)
  await page.getByLabel('List slug').fill(slug)
  await page.getByRole('button', { name: 'Preview import' }).click()
  await page.getByRole('button', { name: 'Apply import' }).click()
  await expect(page.getByRole('status')).toContainText(`Imported “${IMPORTED}”`)

  await feature(page, IMPORTED, slug)
  await expectNoAxeViolations(page)
  await expectHomeShows(visitor, IMPORTED)
  // The member's own part of the home page is for the list now featured.
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(IMPORTED)
  await expect(page.getByText(/^You have rated 0 of 3$/)).toBeVisible()

  // A film page's notes link the featured list to the home page, the others to their own page.
  await expect(async () => {
    await visitor.goto('/films/hot-snow')
    // Other tests' lists of the same title link to their own pages.
    await expect(visitor.locator('a[href="/"]', { hasText: IMPORTED })).toBeVisible({ timeout: 1000 }) // prettier-ignore
  }).toPass({ timeout: 10_000 })
  await visitor.goto('/films/come-and-see')
  await expect(visitor.getByRole('link', { name: BUNDLED })).toHaveAttribute('href', `/curated/soviet-films-of-the-great-patriotic-war`) // prettier-ignore

  await page.goto('/curate/history')
  const history = page.getByRole('table', { name: 'Most recent first' })
  await expect(history.getByRole('row').filter({ hasText: `Featured list changed from “${BUNDLED}”` }).filter({ hasText: `to “${IMPORTED}” (${slug})` })).toContainText(user.username) // prettier-ignore
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a curator features the bundled list again; the home page follows', async ({
    page,
    visitor,
  }) => {
    test.setTimeout(240_000)
    await signUpCurator(page)
    await feature(page, BUNDLED, 'soviet-films-of-the-great-patriotic-war')
    await expectHomeShows(visitor, BUNDLED)
    // Signed in without JavaScript, the home page is rendered for the member: it follows at once.
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(BUNDLED)
    await page.goto('/curate/history')
    await expect(page.getByRole('table', { name: 'Most recent first' }).getByRole('row').nth(1)).toContainText(`Featured list changed from “${IMPORTED}”`) // prettier-ignore
  })
})
