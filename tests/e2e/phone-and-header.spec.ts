import type { Locator, Page } from '@playwright/test'
import { asMember, expect, test } from './support/fixtures'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

const headerHeight = async (page: Page) => (await page.getByRole('banner').boundingBox())!.height

async function expectOnFirstScreen(page: Page, what: Locator) {
  const box = await what.boundingBox()
  expect(box, 'shown').not.toBeNull()
  expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height)
}

async function expectFilmOnFirstScreen(page: Page, ratingEntry: Locator) {
  const main = page.getByRole('main')
  await expectOnFirstScreen(page, main.getByRole('heading', { level: 1, name: 'The Cranes Are Flying' })) // prettier-ignore
  await expectOnFirstScreen(page, main.getByRole('definition').filter({ hasText: /^1957$/ }))
  await expectOnFirstScreen(page, main.getByRole('link', { name: 'Mikhail Kalatozov' }))
  await expectOnFirstScreen(page, ratingEntry)
}

test('on a phone the header is one short row whose menu opens without JavaScript @same-without-js', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await page.goto('/films/the-cranes-are-flying')
  expect(await headerHeight(page)).toBeLessThanOrEqual(64)
  const header = page.getByRole('banner')
  await expect(header.getByRole('link', { name: 'All films' })).toBeHidden()
  await header.getByText('Menu').click()
  await expect(header.getByRole('link', { name: 'All films' })).toBeVisible()
  await expect(header.getByRole('searchbox', { name: 'Search films' })).toBeVisible()
  await header.getByRole('link', { name: 'All films' }).click()
  await expect(page).toHaveURL(/\/films$/)
})

test('signed out on a phone, the film’s title, year, director and "Sign in to rate" are on the first screen @same-without-js', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await page.goto('/films/the-cranes-are-flying')
  await expectFilmOnFirstScreen(page, page.getByRole('link', { name: 'Sign in to rate' }))
})

test.describe('signed in', () => {
  test.use(asMember)

  test('the header is one row on a desktop and one short row on a phone', async ({ page }) => {
    await page.setViewportSize(DESKTOP)
    await page.goto('/films/the-cranes-are-flying')
    const header = page.getByRole('banner')
    await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible()
    expect(await headerHeight(page)).toBeLessThanOrEqual(64)
    // Everything on one line: the brand, the nav, the search and the account links share a row.
    const tops = await Promise.all(
      [
        header.getByRole('link', { name: 'Kinofront' }),
        header.getByRole('link', { name: 'By decade' }),
        header.getByRole('searchbox', { name: 'Search films' }),
        header.getByRole('link', { name: 'Settings' }),
        header.getByRole('button', { name: 'Sign out' }),
      ].map(async (item) => {
        const box = (await item.boundingBox())!
        return box.y + box.height / 2
      }),
    )
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(8)

    await page.setViewportSize(PHONE)
    await page.reload()
    expect(await headerHeight(page)).toBeLessThanOrEqual(64)
  })

  test('on a phone the film’s title, year, director and the stars are on the first screen', async ({
    page,
  }) => {
    await page.setViewportSize(PHONE)
    await page.goto('/films/the-cranes-are-flying')
    await expectFilmOnFirstScreen(page, page.getByRole('group', { name: 'Your rating' }))
  })
})
