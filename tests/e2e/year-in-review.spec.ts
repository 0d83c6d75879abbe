import type { Page } from '@playwright/test'
import { newMemberSignedIn } from './support/direct-member'
import { expectNoAxeViolations } from './support/axe'
import { expect, test } from './support/fixtures'

// A member's year in films, /u/[username]/year/[yyyy], from viewings logged on the film pages,
// with and without JavaScript. The films are ones no other e2e test logs or rates.

/** axe runs in the page, so only where scripts run; the pages are the same without them. */
const checkAccessibility = async (page: Page) => {
  if (test.info().project.use.javaScriptEnabled !== false) await expectNoAxeViolations(page)
}

async function logViewing(
  page: Page,
  slug: string,
  { date, stars }: { date: string; stars: string },
) {
  await page.goto(`/films/${slug}`)
  const fold = page.locator('details.log-viewing')
  if (!(await fold.evaluate((details: HTMLDetailsElement) => details.open))) {
    await fold.getByText('Log a viewing', { exact: true }).click()
  }
  const form = page.getByRole('form', { name: 'Log a viewing' })
  await form.getByLabel('Date watched').fill(date)
  await form.getByRole('group', { name: 'Rating' }).getByRole('radio', { name: stars, exact: true }).check() // prettier-ignore
  await form.getByRole('button', { name: 'Save to diary' }).click()
  await expect(page.getByText(/^Logged “.+” in your diary\.$/)).toBeVisible()
}

test('a year in review counts the year’s viewings, with each chart’s numbers in a table', async ({
  page,
  visitor,
}) => {
  test.slow()
  const { username } = await newMemberSignedIn(page)
  await logViewing(page, 'ivans-childhood', { date: '2026-03-10', stars: '4 stars' })
  await logViewing(page, 'ivans-childhood', { date: '2026-06-01', stars: '4.5 stars' })
  await logViewing(page, 'belorussian-station', { date: '2026-05-02', stars: '5 stars' })
  // The year before: not counted.
  await logViewing(page, 'belorussian-station', { date: '2025-12-31', stars: '3 stars' })

  await page.goto(`/u/${username}/year/2026`)
  await expect(page.getByRole('heading', { name: `${username}’s 2026 in films`, level: 1 })).toBeVisible() // prettier-ignore
  const totals = page.locator('dl.year-totals')
  await expect(totals.locator('dt')).toHaveText(['Films watched', 'Viewings', 'Hours watched'])
  // 94 + 94 + 101 minutes.
  await expect(totals.locator('dd')).toHaveText(['2', '3', '4.8'])

  const decades = page.getByRole('table', { name: 'Viewings in 2026 by decade of release' })
  await expect(decades.getByRole('row')).toHaveText([/Decade\s*Viewings/, /1960s\s*2/, /1970s\s*1/]) // prettier-ignore
  const ratings = page.getByRole('table', { name: 'Ratings given in 2026' })
  await expect(ratings.getByRole('row', { name: '4 stars 1', exact: true })).toBeVisible()
  await expect(ratings.getByRole('row', { name: '4.5 stars 1', exact: true })).toBeVisible()
  await expect(ratings.getByRole('row', { name: '5 stars 1', exact: true })).toBeVisible()
  await expect(ratings.getByRole('row', { name: '3 stars 0', exact: true })).toBeVisible()
  // The drawings say the same as the tables, to the eye only.
  await expect(page.locator('figure.bar-chart svg[aria-hidden="true"]')).toHaveCount(2)
  await expect(page.getByRole('heading', { name: 'Most-watched director', level: 2 })).toBeVisible() // prettier-ignore
  await expect(page.getByText('Andrei Tarkovsky — 2 viewings')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Andrei Tarkovsky' })).toHaveAttribute('href', '/people/andrei-tarkovsky') // prettier-ignore
  await checkAccessibility(page)

  // Anyone may see a public diary's year; a year without viewings says so.
  await visitor.goto(`/u/${username}/year/2025`)
  await expect(visitor.getByRole('heading', { name: `${username}’s 2025 in films`, level: 1 })).toBeVisible() // prettier-ignore
  await expect(visitor.locator('dl.year-totals dd')).toHaveText(['1', '1', '1.7'])
  await visitor.goto(`/u/${username}/year/2024`)
  await expect(visitor.getByText('No viewings logged in 2024.')).toBeVisible()
  await checkAccessibility(visitor)
})
