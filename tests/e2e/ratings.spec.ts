import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { newUser, signUp } from './support/accounts'
import { expectNoAxeViolations } from './support/axe'

test.describe.configure({ timeout: 60_000 })

// Each test rates a film of its own in each project, so parallel tests never share a summary.
const FILMS = {
  flow: { chromium: 'the-living-and-the-dead', 'chromium-no-js': 'father-of-a-soldier' },
  keyboard: { chromium: 'two-soldiers', 'chromium-no-js': 'the-dawns-here-are-quiet' },
  catalogue: { chromium: 'the-ascent', 'chromium-no-js': 'ballad-of-a-soldier' },
  deletion: { chromium: 'the-battle-of-stalingrad', 'chromium-no-js': 'the-cranes-are-flying' },
} as const
const TITLES: Record<string, string> = { 'the-ascent': 'The Ascent', 'ballad-of-a-soldier': 'Ballad of a Soldier' } // prettier-ignore

function filmFor(purpose: keyof typeof FILMS, info: TestInfo) {
  return FILMS[purpose][info.project.name as keyof (typeof FILMS)[typeof purpose]]
}

const withoutJavaScript = (info: TestInfo) => info.project.use.javaScriptEnabled === false

// Creating an account hashes a password, which takes a while on a busy machine.
async function signedUp(page: Page) {
  const user = newUser()
  await signUp(page, user)
  await expect(page.getByRole('banner').getByRole('link', { name: user.username })).toBeVisible({
    timeout: 20_000,
  })
  return user
}

const ratingGroup = (page: Page) => page.getByRole('group', { name: 'Your rating' })
const star = (page: Page, name: string) => ratingGroup(page).getByRole('radio', { name, exact: true }) // prettier-ignore
const summary = (page: Page) => page.getByRole('region', { name: 'Ratings' })

/** Chooses a star; with JavaScript that saves at once, without it the button sends the form. */
async function rate(page: Page, info: TestInfo, name: string) {
  await star(page, name).check()
  if (withoutJavaScript(info)) await page.getByRole('button', { name: 'Save rating' }).click()
  await expect(page.getByText(`Your rating: ${name}`)).toBeVisible()
}

/** Which half stars are drawn filled (the rest are outlines). */
const filledHalves = (page: Page) =>
  ratingGroup(page)
    .locator('svg')
    .evaluateAll((halves) => halves.map((svg) => getComputedStyle(svg).fill !== 'none'))

async function expectHistogram(page: Page, counts: Record<string, number>) {
  const table = summary(page).getByRole('table', { name: 'Number of ratings at each score' })
  await expect(table.getByRole('row')).toHaveCount(11)
  for (const [name, count] of Object.entries(counts)) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }) // prettier-ignore
    await expect(row.getByRole('cell')).toHaveText(String(count))
  }
}

test('rate a film, change the rating and remove it; the summary follows', async ({
  page,
  browser,
}, info) => {
  const slug = filmFor('flow', info)
  await signedUp(page)
  await page.goto(`/films/${slug}`)
  await expect(summary(page).getByText('No ratings yet')).toBeVisible()
  await expect(ratingGroup(page).getByRole('radio')).toHaveCount(10)
  await expect(page.getByText('You have not rated this film.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Remove rating' })).toHaveCount(0)

  await rate(page, info, '3.5 stars')
  await expect(star(page, '3.5 stars')).toBeChecked()
  await expect(summary(page)).toContainText('Average rating 3.5 out of 5 from 1 rating')
  await expectHistogram(page, { '3.5 stars': 1, '5 stars': 0 })
  await expect(summary(page).locator('svg [data-score="7"]')).toHaveAttribute('data-count', '1')

  await rate(page, info, '5 stars')
  await expect(summary(page)).toContainText('Average rating 5.0 out of 5 from 1 rating')
  await expectHistogram(page, { '3.5 stars': 0, '5 stars': 1 })
  await page.reload()
  await expect(star(page, '5 stars')).toBeChecked()

  // Everyone else sees the new summary on the cached page, after at most the front cache's second.
  const anonymous = await browser.newContext({ baseURL: info.project.use.baseURL })
  const visitor = await anonymous.newPage()
  await expect(async () => {
    await visitor.goto(`/films/${slug}`)
    await expect(summary(visitor)).toContainText('from 1 rating', { timeout: 500 })
  }).toPass({ timeout: 10_000 })
  await expect(visitor.getByRole('link', { name: 'Sign in to rate' })).toHaveAttribute(
    'href',
    `/signin?callbackUrl=${encodeURIComponent(`/films/${slug}`)}`,
  )
  await expect(visitor.getByRole('group', { name: 'Your rating' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Remove rating' }).click()
  await expect(page.getByText('You have not rated this film.')).toBeVisible()
  await expect(ratingGroup(page).getByRole('radio', { checked: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Remove rating' })).toHaveCount(0)
  await expect(summary(page).getByText('No ratings yet')).toBeVisible()
  await expectHistogram(page, { '5 stars': 0 })
  await expect(async () => {
    await visitor.goto(`/films/${slug}`)
    await expect(summary(visitor).getByText('No ratings yet')).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 10_000 })
  await anonymous.close()
})

test('arrow keys move between the stars', async ({ page }, info) => {
  await signedUp(page)
  await page.goto(`/films/${filmFor('keyboard', info)}`)
  await rate(page, info, '2.5 stars')
  await star(page, '2.5 stars').focus()
  await page.keyboard.press('ArrowRight')
  await expect(star(page, '3 stars')).toBeFocused()
  await expect(star(page, '3 stars')).toBeChecked()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(star(page, '2 stars')).toBeFocused()
  await expect(star(page, '2 stars')).toBeChecked()
  // Drawn from the checked radio, so the stars follow the keys even before anything is saved.
  expect(await filledHalves(page)).toEqual([true, true, true, true, ...Array(6).fill(false)])
  const outline = await star(page, '2 stars').evaluate(
    (input) => getComputedStyle(input.nextElementSibling!).outlineStyle,
  )
  expect(outline).not.toBe('none')

  if (withoutJavaScript(info)) {
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Save rating' })).toBeFocused()
    await page.keyboard.press('Enter')
  }
  await expect(page.getByText('Your rating: 2 stars')).toBeVisible()
  await expect(summary(page)).toContainText('Average rating 2.0 out of 5 from 1 rating')
  await page.reload()
  await expect(star(page, '2 stars')).toBeChecked()
})

test('the catalogue sorts by average and by number of ratings and shows the average', async ({
  page,
}, info) => {
  const slug = filmFor('catalogue', info)
  await signedUp(page)
  await page.goto(`/films/${slug}`)
  await rate(page, info, '4.5 stars')

  for (const [label, sort] of [
    ['Highest rated', 'rating'],
    ['Most rated', 'most-rated'],
  ]) {
    await page.goto('/films')
    await page.getByLabel('Sort by').selectOption({ label: label! })
    await page.getByRole('button', { name: 'Show films' }).click()
    await expect(page).toHaveURL(new RegExp(`[?&]sort=${sort}`))
    const cards = page.getByRole('list', { name: 'Films' }).getByRole('article')
    const card = cards.filter({ has: page.getByRole('heading', { name: TITLES[slug] }) })
    await expect(card).toContainText('Average rating 4.5 out of 5 from 1 rating')
    // Rated films come before the ones nobody has rated.
    const rated = await cards.evaluateAll((all) => all.map((c) => !!c.querySelector('.card-rating'))) // prettier-ignore
    expect(rated).toEqual([...rated].sort((a, b) => Number(b) - Number(a)))
  }
})

test('a deleted account’s ratings leave the film page everyone sees', async ({
  page,
  browser,
}, info) => {
  const slug = filmFor('deletion', info)
  const anonymous = await browser.newContext({ baseURL: info.project.use.baseURL })
  const visitor = await anonymous.newPage()
  const averageSeen = async () => {
    await visitor.goto(`/films/${slug}`)
    return summary(visitor).locator('.rating-average').textContent()
  }
  const before = await averageSeen()
  const user = await signedUp(page)
  await page.goto(`/films/${slug}`)
  await rate(page, info, '4 stars')
  await expect.poll(averageSeen, { timeout: 10_000 }).not.toBe(before)

  await page.goto('/settings')
  const form = page.getByRole('region', { name: 'Delete account' })
  await form.getByLabel('Password').fill(user.password)
  await form.getByRole('button', { name: 'Delete account' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Your account has been deleted',
    { timeout: 15_000 },
  )
  await expect.poll(averageSeen, { timeout: 10_000 }).toBe(before)
  await anonymous.close()
})

test.describe('@js-only', () => {
  for (const signedIn of [false, true]) {
    test(`axe finds no violations on a film page signed ${signedIn ? 'in' : 'out'}`, async ({
      page,
    }, info) => {
      if (signedIn) {
        await signedUp(page)
        await page.goto('/films/come-and-see')
        await rate(page, info, '4 stars')
      } else {
        await page.goto('/films/come-and-see')
      }
      await expect(summary(page)).toBeVisible()
      await expectNoAxeViolations(page)
    })
  }
})
