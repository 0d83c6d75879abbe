import type { TestInfo } from '@playwright/test'
import { AFTER_HASHING } from './support/accounts'
import { newMemberSignedIn } from './support/direct-member'
import { expectNoAxeViolations } from './support/axe'
import { FilmPage } from './support/film-page'
import { asMember, expect, test } from './support/fixtures'

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

const average = (film: FilmPage) => film.summary.getByText(/^(Average rating|No ratings yet)/)

/** Which half stars are drawn filled (the rest are outlines). */
const filledHalves = (film: FilmPage) =>
  film.ratingGroup
    .locator('svg')
    .evaluateAll((halves) => halves.map((svg) => getComputedStyle(svg).fill !== 'none'))

async function expectHistogram(film: FilmPage, counts: Record<string, number>) {
  const table = film.summary.getByRole('table', { name: 'Number of ratings at each score' })
  await expect(table.getByRole('row')).toHaveCount(11)
  for (const [name, count] of Object.entries(counts)) {
    const row = table.getByRole('row').filter({ has: film.page.getByRole('rowheader', { name, exact: true }) }) // prettier-ignore
    await expect(row.getByRole('cell')).toHaveText(String(count))
  }
}

test.describe('signed in as the member', () => {
  test.use(asMember)

  test('rate a film, change the rating and remove it; the summary follows', async ({
    film,
    visitor: visitorPage,
  }, info) => {
    const slug = filmFor('flow', info)
    await film.goto(slug)
    await expect(film.summary.getByText('No ratings yet')).toBeVisible()
    await expect(film.ratingGroup.getByRole('radio')).toHaveCount(10)
    await expect(film.ratingStatus).toHaveText('You have not rated this film.')
    await expect(film.removeRatingButton).toHaveCount(0)

    await film.rate('3.5 stars')
    await expect(film.star('3.5 stars')).toBeChecked()
    await expect(film.summary).toContainText('Average rating 3.5 out of 5 from 1 rating')
    await expectHistogram(film, { '3.5 stars': 1, '5 stars': 0 })
    await expect(film.summary.locator('svg [data-score="7"]')).toHaveAttribute('data-count', '1')

    await film.rate('5 stars')
    await expect(film.summary).toContainText('Average rating 5.0 out of 5 from 1 rating')
    await expectHistogram(film, { '3.5 stars': 0, '5 stars': 1 })
    await film.page.reload()
    await expect(film.star('5 stars')).toBeChecked()

    // Everyone else sees the new summary on the cached page, after at most the front cache's second.
    // Someone signed out gets the cached page.
    const visitor = new FilmPage(visitorPage, film.javaScript)
    await expect(async () => {
      await visitor.goto(slug)
      await expect(visitor.summary).toContainText('from 1 rating', { timeout: 500 })
    }).toPass({ timeout: 10_000 })
    await expect(visitor.page.getByRole('link', { name: 'Sign in to rate' })).toHaveAttribute(
      'href',
      `/signin?callbackUrl=${encodeURIComponent(`/films/${slug}`)}`,
    )
    await expect(visitor.ratingGroup).toHaveCount(0)

    await film.removeRating()
    await expect(film.ratingGroup.getByRole('radio', { checked: true })).toHaveCount(0)
    await expect(film.removeRatingButton).toHaveCount(0)
    await expect(film.summary.getByText('No ratings yet')).toBeVisible()
    await expect(film.summary.getByRole('table')).toHaveCount(0)
    await expect(async () => {
      await visitor.goto(slug)
      await expect(visitor.summary.getByText('No ratings yet')).toBeVisible({ timeout: 500 })
    }).toPass({ timeout: 10_000 })
  })

  test('arrow keys move between the stars; only Enter, a click or "Save rating" saves', async ({
    page,
    film,
  }, info) => {
    await film.goto(filmFor('keyboard', info))
    await film.rate('2.5 stars')
    if (film.javaScript) await expect(film.saveRatingButton).toBeHidden()
    await film.star('2.5 stars').focus()
    await page.keyboard.press('ArrowRight')
    await expect(film.star('3 stars')).toBeFocused()
    await expect(film.star('3 stars')).toBeChecked()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await expect(film.star('2 stars')).toBeFocused()
    await expect(film.star('2 stars')).toBeChecked()
    // Drawn from the checked radio, so the stars follow the keys even before anything is saved.
    expect(await filledHalves(film)).toEqual([true, true, true, true, ...Array(6).fill(false)])
    const outline = await film
      .star('2 stars')
      .evaluate((input) => getComputedStyle(input.nextElementSibling!).outlineStyle)
    expect(outline).not.toBe('none')

    if (film.javaScript) {
      // Moving across the stars chose but saved nothing: a rating is public.
      await expect(film.ratingStatus).toHaveText('2 stars chosen, not saved yet.')
      await expect(film.saveRatingButton).toBeVisible()
      await page.reload()
      await expect(film.star('2.5 stars')).toBeChecked()
      await expect(film.summary).toContainText('Average rating 2.5 out of 5 from 1 rating')
      await film.star('2.5 stars').focus()
      await page.keyboard.press('ArrowLeft')
    } else {
      await page.keyboard.press('Tab')
      await expect(film.saveRatingButton).toBeFocused()
    }
    await page.keyboard.press('Enter')
    await expect(film.ratingStatus).toHaveText('Your rating: 2 stars')
    await expect(film.summary).toContainText('Average rating 2.0 out of 5 from 1 rating')
    if (film.javaScript) await expect(film.saveRatingButton).toBeHidden()
    await page.reload()
    await expect(film.star('2 stars')).toBeChecked()
  })

  test('Space saves the star it is on, and "Save rating" saves a choice @js-only', async ({
    page,
    film,
  }) => {
    await film.goto('the-fate-of-a-man') // rated by no other test
    await film.star('3 stars').focus()
    await page.keyboard.press('ArrowRight')
    await expect(film.ratingStatus).toHaveText('3.5 stars chosen, not saved yet.')
    await page.keyboard.press('Space')
    await expect(film.ratingStatus).toHaveText('Your rating: 3.5 stars')
    await expect(film.saveRatingButton).toBeHidden()

    await page.keyboard.press('ArrowRight')
    await expect(film.saveRatingButton).toBeVisible()
    await film.saveRatingButton.click()
    await expect(film.ratingStatus).toHaveText('Your rating: 4 stars')
    await page.reload()
    await expect(film.star('4 stars')).toBeChecked()
    await film.removeRating()
  })

  test('the catalogue sorts by average and by number of ratings and shows the average', async ({
    page,
    film,
  }, info) => {
    const slug = filmFor('catalogue', info)
    await film.goto(slug)
    await film.rate('4.5 stars')

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
      const rated = await cards.evaluateAll((all) => all.map((c) => !!c.textContent?.includes('Average rating'))) // prettier-ignore
      expect(rated).toEqual([...rated].sort((a, b) => Number(b) - Number(a)))
    }
  })
})

test('a deleted account’s ratings leave the film page everyone sees', async ({
  page,
  film,
  visitor: visitorPage,
}, info) => {
  const slug = filmFor('deletion', info)
  const visitor = new FilmPage(visitorPage, film.javaScript)
  const averageSeen = async () => {
    await visitor.goto(slug)
    return average(visitor).textContent()
  }
  const before = await averageSeen()
  const user = await newMemberSignedIn(page)
  await film.goto(slug)
  await film.rate('4 stars')
  await expect.poll(averageSeen, { timeout: 10_000 }).not.toBe(before)

  await page.goto('/settings')
  const form = page.getByRole('region', { name: 'Delete account' })
  await form.getByLabel('Password').fill(user.password)
  await form.getByRole('button', { name: 'Delete account' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Your account has been deleted',
    AFTER_HASHING,
  )
  await expect.poll(averageSeen, { timeout: 10_000 }).toBe(before)
})

test.describe('@js-only', () => {
  test('axe finds no violations on a film page signed out', async ({ film }) => {
    await film.goto('come-and-see')
    await expect(film.summary).toBeVisible()
    await expectNoAxeViolations(film.page)
  })

  test.describe('signed in as the member', () => {
    test.use(asMember)
    test('axe finds no violations on a film page signed in', async ({ film }) => {
      await film.goto('come-and-see')
      await film.rate('4 stars')
      await expect(film.summary).toBeVisible()
      await expectNoAxeViolations(film.page)
    })
  })
})
