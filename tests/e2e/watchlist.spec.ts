import type { Locator, Page } from '@playwright/test'
import { signUpFromSignInRedirect } from './support/accounts'
import { newMemberSignedIn } from './support/direct-member'
import { expectNoAxeViolations } from './support/axe'
import { asMember, expect, test } from './support/fixtures'

const main = (page: Page) => page.getByRole('main')
const watchlistTitles = (page: Page) =>
  page.getByRole('list', { name: 'Films on your watchlist' }).getByRole('heading')
const catalogueCard = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Films' })
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
/** A film's card in the catalogue, found by searching for its title (the catalogue has pages). */
async function catalogueCardOf(page: Page, title: string) {
  await page.goto(`/films?q=${encodeURIComponent(title)}`)
  return catalogueCard(page, title)
}
const watchlistCard = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Films on your watchlist' })
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })

/** Presses the card's button and waits for the server's answer. */
async function addToWatchlist(scope: Locator, title: string) {
  await scope.getByRole('button', { name: 'Add to watchlist' }).click()
  await expect(scope.getByText(`Added “${title}” to your watchlist.`)).toBeVisible()
  await expect(scope.getByRole('button', { name: 'Remove from watchlist' })).toBeVisible()
}

test('a film page adds the film to the watchlist and removes it again', async ({ page, film }) => {
  // Two dozen steps, each a server round trip; on a busy machine that outlasts the default.
  test.slow()
  await newMemberSignedIn(page)
  await film.goto('the-cranes-are-flying')
  await film.addToWatchlist()
  await page.reload()
  await expect(film.removeFromWatchlistButton).toBeVisible()

  await page.goto('/watchlist')
  await expect(main(page).getByText('1 film', { exact: true })).toBeVisible()
  await expect(watchlistTitles(page)).toHaveText(['The Cranes Are Flying'])

  await film.goto('the-cranes-are-flying')
  await film.removeFromWatchlist()
  await page.reload()
  await expect(film.addToWatchlistButton).toBeVisible()
  await page.goto('/watchlist')
  await expect(main(page).getByRole('heading', { name: 'Your watchlist is empty' })).toBeVisible()
})

test('catalogue cards add films; the watchlist lists them newest first, sorts and removes', async ({
  page,
}) => {
  test.slow()
  await newMemberSignedIn(page)
  for (const title of ['The Ascent', 'Come and See', 'Two Soldiers']) {
    await addToWatchlist(await catalogueCardOf(page, title), title)
  }
  await expect(
    (await catalogueCardOf(page, 'Liberation')).getByRole('button', { name: 'Add to watchlist' }),
  ).toBeVisible()

  await page.getByRole('banner').getByRole('link', { name: 'Watchlist' }).click()
  await expect(page).toHaveURL(/\/watchlist$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your watchlist')
  await expect(main(page).getByText('3 films', { exact: true })).toBeVisible()
  await expect(watchlistTitles(page)).toHaveText(['Two Soldiers', 'Come and See', 'The Ascent'])

  await main(page).getByRole('link', { name: 'Title', exact: true }).click()
  await expect(page).toHaveURL(/\/watchlist\?sort=title$/)
  await expect(main(page).getByRole('link', { name: 'Title', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(watchlistTitles(page)).toHaveText(['The Ascent', 'Come and See', 'Two Soldiers'])
  await main(page).getByRole('link', { name: 'Year', exact: true }).click()
  await expect(page).toHaveURL(/\/watchlist\?sort=year$/)
  await expect(watchlistTitles(page)).toHaveText(['Two Soldiers', 'The Ascent', 'Come and See'])

  await watchlistCard(page, 'Come and See')
    .getByRole('button', { name: 'Remove from watchlist' })
    .click()
  await expect(main(page).getByText('Removed “Come and See” from your watchlist.')).toBeVisible()
  await expect(main(page).getByText('2 films', { exact: true })).toBeVisible()
  await expect(watchlistTitles(page)).toHaveText(['Two Soldiers', 'The Ascent'])
  await expect(page).toHaveURL(/\/watchlist\?sort=year$/)

  await expect(
    (await catalogueCardOf(page, 'Come and See')).getByRole('button', { name: 'Add to watchlist' }),
  ).toBeVisible()
  await expect(
    (await catalogueCardOf(page, 'The Ascent')).getByRole('button', {
      name: 'Remove from watchlist',
    }),
  ).toBeVisible()
})

test('the watchlist sends people who are signed out to sign in, and back', async ({ page }) => {
  await signUpFromSignInRedirect(page, '/watchlist')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your watchlist')
  await expect(main(page).getByText('0 films', { exact: true })).toBeVisible()

  // The empty state points to the catalogue.
  await expect(main(page).getByRole('heading', { name: 'Your watchlist is empty' })).toBeVisible()
  await main(page).getByRole('link', { name: 'catalogue', exact: true }).click()
  await expect(page).toHaveURL(/\/films$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All films')
})

test('people who are signed out see no watchlist buttons', async ({ page }) => {
  await page.goto('/films')
  await expect(page.getByRole('button', { name: /watchlist/i })).toHaveCount(0)
  await page.goto('/films/the-ascent')
  await expect(page.getByRole('button', { name: /watchlist/i })).toHaveCount(0)
  await expect(main(page).getByRole('link', { name: 'Sign in to rate' })).toBeVisible()
})

test('the watchlist stays private until the setting is ticked', async ({ page }) => {
  await newMemberSignedIn(page)
  await page.goto('/settings')
  const setting = page.getByRole('region', { name: 'Watchlist' })
  const checkbox = setting.getByRole('checkbox', { name: 'Make my watchlist public' })
  await expect(checkbox).not.toBeChecked()

  await checkbox.check()
  await setting.getByRole('button', { name: 'Save watchlist setting' }).click()
  await expect(setting.getByRole('alert')).toContainText('Your watchlist is now public')
  await page.reload()
  await expect(checkbox).toBeChecked()

  await checkbox.uncheck()
  await setting.getByRole('button', { name: 'Save watchlist setting' }).click()
  await expect(setting.getByRole('alert')).toContainText('Your watchlist is now private')
  await page.reload()
  await expect(checkbox).not.toBeChecked()
})

test.describe('@js-only', () => {
  test.describe('signed in as the member', () => {
    test.use(asMember)

    test('the button flips at once, keeps focus, and settles to the server’s answer', async ({
      page,
      film,
    }) => {
      await film.goto('the-cranes-are-flying')
      // Hold the server action back, to see what shows while it is on its way.
      let release = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      await page.route('**/films/the-cranes-are-flying', async (route) => {
        if (route.request().method() === 'POST') await held
        await route.continue()
      })

      await film.addToWatchlistButton.click()
      const button = film.removeFromWatchlistButton
      await expect(button).toBeVisible()
      await expect(button).toBeFocused()
      await expect(film.main.getByText('Saving…')).toBeVisible()
      release()
      await expect(
        film.main.getByText('Added “The Cranes Are Flying” to your watchlist.'),
      ).toBeVisible()
      await expect(button).toBeFocused()
      await expect(button).toHaveAccessibleDescription('The Cranes Are Flying')
    })

    test('axe finds no violations on the catalogue with watchlist buttons', async ({ page }) => {
      await addToWatchlist(await catalogueCardOf(page, 'Liberation'), 'Liberation')
      await expectNoAxeViolations(page)
    })
  })

  test('removing a film from the watchlist moves focus to the count', async ({ page, film }) => {
    await newMemberSignedIn(page)
    await film.goto('the-ascent')
    await film.addToWatchlist()
    await page.goto('/watchlist')
    await main(page).getByRole('button', { name: 'Remove from watchlist' }).click()
    await expect(main(page).getByText('0 films', { exact: true })).toBeFocused()
    await expect(main(page).getByRole('heading', { name: 'Your watchlist is empty' })).toBeVisible()
  })

  for (const state of ['empty', 'with films'] as const) {
    test(`axe finds no violations on /watchlist ${state}`, async ({ page, film }) => {
      await newMemberSignedIn(page)
      if (state === 'with films') {
        for (const slug of ['the-ascent', 'liberation']) {
          await film.goto(slug)
          await film.addToWatchlist()
        }
      }
      await page.goto('/watchlist')
      await expect(main(page).getByText(state === 'empty' ? '0 films' : '2 films')).toBeVisible()
      await expectNoAxeViolations(page)
    })
  }
})
