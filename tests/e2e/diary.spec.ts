import type { Page } from '@playwright/test'
import { createMember, newMemberSignedIn, setDiaryPublicInDatabase } from './support/direct-member'
import { expectNoAxeViolations } from './support/axe'
import { expect, test } from './support/fixtures'

/** axe runs in the page, so only where scripts run; the pages are the same without them. */
const checkAccessibility = async (page: Page) => {
  if (test.info().project.use.javaScriptEnabled !== false) await expectNoAxeViolations(page)
}

// Logging viewings, editing and deleting entries, watched, spoilers and the diary pages, with
// and without JavaScript (each project runs every test here).

/** The "Log a viewing" form, opened from its fold. */
async function entryForm(page: Page) {
  const fold = page.locator('details.log-viewing')
  if (!(await fold.evaluate((details: HTMLDetailsElement) => details.open))) {
    await fold.getByText('Log a viewing', { exact: true }).click()
  }
  return page.getByRole('form', { name: 'Log a viewing' })
}
const reviews = (page: Page) => page.getByRole('region', { name: 'Reviews' })

async function logViewing(
  page: Page,
  { date, stars, review, tags, spoilers = false }: { date: string; stars?: string; review?: string; tags?: string; spoilers?: boolean }, // prettier-ignore
) {
  const form = await entryForm(page)
  await form.getByLabel('Date watched').fill(date)
  if (stars) await form.getByRole('group', { name: 'Rating' }).getByRole('radio', { name: stars, exact: true }).check() // prettier-ignore
  if (review) await form.getByLabel('Review').fill(review)
  if (tags) await form.getByLabel('Tags').fill(tags)
  if (spoilers) await form.getByLabel('Contains spoilers').check()
  await form.getByRole('button', { name: 'Save to diary' }).click()
}

test('logs a viewing, which takes the film off the watchlist; edits it; deletes it after confirming', async ({
  page,
  film,
}) => {
  test.slow()
  const { username } = await newMemberSignedIn(page)
  await film.goto('alpine-ballad')
  await film.addToWatchlist()
  await expect(page.getByText('Not watched yet')).toBeVisible()
  await expect((await entryForm(page)).getByLabel('Date watched')).toHaveValue(/^\d{4}-\d\d-\d\d$/)
  await expect((await entryForm(page)).getByLabel('Rewatch')).not.toBeChecked()
  await checkAccessibility(page)

  await logViewing(page, { date: '2026-11-20', stars: '4 stars', review: `Seen by ${username}.\n\nA second paragraph.`, tags: 'war, 1960s' }) // prettier-ignore
  await expect(page.getByText('Logged “Alpine Ballad” in your diary and took it off your watchlist.')).toBeVisible() // prettier-ignore
  // Not a reload: without JavaScript that would post the form again.
  await film.goto('alpine-ballad')
  await expect(page.getByText('✓ Watched')).toBeVisible()
  await expect(film.addToWatchlistButton).toBeVisible()
  await expect(film.ratingStatus).toHaveText('Your rating: 4 stars')
  await expect((await entryForm(page)).getByLabel('Rewatch')).toBeChecked()
  const mine = reviews(page).getByRole('article', { name: `Review by ${username}` })
  await expect(mine.getByRole('paragraph')).toHaveText([`${username} (you) · watched 20 November 2026 · 4 stars`, `Seen by ${username}.`, 'A second paragraph.']) // prettier-ignore

  await page.getByRole('link', { name: 'Edit entry' }).click()
  await expect(page.getByRole('heading', { name: 'Edit diary entry', level: 1 })).toBeVisible()
  await expect(page.getByLabel('Tags')).toHaveValue('war, 1960s')
  await checkAccessibility(page)
  await page.getByRole('group', { name: 'Rating' }).getByRole('radio', { name: '3 stars', exact: true }).check() // prettier-ignore
  await page.getByRole('button', { name: 'Save entry' }).click()
  await expect(page.getByText('Saved your diary entry for “Alpine Ballad”.')).toBeVisible() // prettier-ignore
  await page.goto(page.url())
  await expect(page.getByRole('radio', { name: '3 stars', exact: true })).toBeChecked()

  await page.getByRole('button', { name: 'Delete entry' }).click()
  await expect(page.getByText('Delete this entry for good?')).toBeVisible()
  await page.getByRole('button', { name: 'Confirm delete' }).click()
  await expect(page).toHaveURL(/\/films\/alpine-ballad\?deleted=entry$/)
  await expect(page.getByRole('link', { name: 'Edit entry' })).toHaveCount(0)
  await expect(page.getByText('✓ Watched')).toBeVisible()
  await expect(reviews(page).getByRole('article', { name: `Review by ${username}` })).toHaveCount(0) // prettier-ignore
})

test('a review with spoilers hides behind “Show review”; the diary is public until made private', async ({
  page,
  visitor,
}) => {
  test.slow()
  const { username } = await newMemberSignedIn(page)
  await page.goto('/films/destiny')
  await page.getByRole('button', { name: 'Mark as watched' }).click()
  await expect(page.getByText('✓ Watched')).toBeVisible()
  await logViewing(page, { date: '2026-10-03', stars: '5 stars', review: `The ending, told by ${username}.`, spoilers: true }) // prettier-ignore
  await expect(page.getByText('Logged “Destiny” in your diary.')).toBeVisible()

  const theirs = reviews(visitor).getByRole('article', { name: `Review by ${username}` })
  await expect(async () => {
    await visitor.goto('/films/destiny')
    await expect(theirs).toBeVisible({ timeout: 1000 })
  }).toPass()
  await expect(theirs.getByText(`The ending, told by ${username}.`)).toBeHidden()
  await theirs.getByText('Show review').click()
  await expect(theirs.getByText(`The ending, told by ${username}.`)).toBeVisible()
  await checkAccessibility(visitor)

  await page.goto('/diary')
  await expect(page.getByRole('heading', { name: 'Your diary', level: 1 })).toBeVisible()
  const october = page.getByRole('region', { name: 'October 2026' })
  await expect(october.getByRole('heading', { name: 'Destiny (1977)' })).toBeVisible()
  await expect(october.getByText('3 October 2026 · 5 stars')).toBeVisible()
  await checkAccessibility(page)
  await visitor.goto(`/u/${username}/diary`)
  await expect(visitor.getByRole('heading', { name: `${username}’s diary` })).toBeVisible()
  await expect(visitor.getByText('This review contains spoilers.')).toBeVisible()

  await page.goto('/settings')
  await page.getByRole('radio', { name: 'Private: only you can see them' }).check()
  await page.getByRole('button', { name: 'Save diary setting' }).click()
  await expect(page.getByText('Your diary is now private')).toBeVisible()
  expect((await visitor.goto(`/u/${username}/diary`))?.status()).toBe(404)
  await expect(async () => {
    await visitor.goto('/films/destiny')
    await expect(reviews(visitor)).toBeVisible({ timeout: 1000 })
    await expect(theirs).toHaveCount(0, { timeout: 1000 })
  }).toPass()
  await page.goto(`/u/${username}/diary`)
  await expect(page.getByRole('heading', { name: `${username}’s diary` })).toBeVisible()
})

test('your own review comes first under “Reviews”, above newer ones, and only once', async ({
  page,
  visitor,
  browser,
  film,
}) => {
  test.slow()
  // A film for each project, as the two run at once and this test counts the reviews.
  const [slug, title] = film.javaScript ? ['twenty-days-without-war', 'Twenty Days Without War'] : ['the-house-i-live-in', 'The House I Live In'] // prettier-ignore
  const { username } = await newMemberSignedIn(page)
  await page.goto(`/films/${slug}`)
  await logViewing(page, { date: '2026-08-01', review: `First, by ${username}.` })
  await expect(page.getByText(`Logged “${title}” in your diary.`)).toBeVisible()
  const other = await newMemberSignedIn(visitor)
  await visitor.goto(`/films/${slug}`)
  await logViewing(visitor, { date: '2026-08-02', review: `Later, by ${other.username}.` })
  await expect(visitor.getByText(`Logged “${title}” in your diary.`)).toBeVisible()

  // Signed out, the newest comes first.
  const signedOut = await browser.newContext()
  const anyone = await signedOut.newPage()
  await expect(async () => {
    await anyone.goto(`/films/${slug}`)
    await expect(reviews(anyone).getByRole('article')).toHaveCount(2, { timeout: 1000 })
  }).toPass()
  await expect(reviews(anyone).getByRole('article').first()).toHaveAccessibleName(`Review by ${other.username}`) // prettier-ignore
  await signedOut.close()

  await page.goto(`/films/${slug}`)
  const articles = reviews(page).getByRole('article')
  await expect(articles.first()).toHaveAccessibleName(`Review by ${username}`)
  await expect(articles.first().getByRole('paragraph').first()).toHaveText(`${username} (you) · watched 1 August 2026`) // prettier-ignore
  await expect(articles).toHaveCount(2)
  await expect(articles.nth(1)).toHaveAccessibleName(`Review by ${other.username}`)
  await checkAccessibility(page)
})

test('a public diary is one cached page for every visitor: it follows new entries, and pages on', async ({
  page,
  visitor,
}) => {
  test.slow()
  const { username } = await newMemberSignedIn(page)
  const diary = `/u/${username}/diary`
  // 51 viewings of one film, a day apart: one more than a page holds.
  const days = Array.from({ length: 51 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)) // prettier-ignore
  const csv = ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date', ...days.map((day) => `${day},The Ascent,1977,,,,,${day}`)].join('\n') // prettier-ignore
  await page.goto('/settings/data')
  await page.getByLabel('Letterboxd export (ZIP or CSV)').setInputFiles({ name: 'diary.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }) // prettier-ignore
  await page.getByRole('button', { name: 'Preview import' }).click()
  await page.getByRole('region', { name: 'What importing diary.csv adds' }).getByRole('button', { name: 'Import' }).click() // prettier-ignore
  await expect(page.getByText(/^Imported .*51 diary entries/)).toBeVisible()

  const lines = (who: Page) => who.getByRole('heading', { name: 'The Ascent (1977)', level: 3 })
  await visitor.goto(diary)
  await expect(lines(visitor)).toHaveCount(50)
  await expect(visitor.getByText('Page 1 of 2')).toBeVisible()
  // Rendered once, then served to every visitor from the cache.
  await expect
    .poll(async () => (await visitor.request.get(diary)).headers()['x-nextjs-cache'])
    .toBe('HIT')
  await visitor.getByRole('link', { name: 'Older entries' }).click()
  await expect(visitor).toHaveURL(`${diary}?page=2`)
  await expect(lines(visitor)).toHaveCount(1)
  await expect(visitor.getByText('1 January 2024')).toBeVisible()
  await visitor.getByRole('link', { name: 'Newer entries' }).click()
  await expect(visitor).toHaveURL(new RegExp(`${diary}$`))
  await expect(visitor.getByText('Page 1 of 2')).toBeVisible()

  await page.goto('/films/destiny')
  await logViewing(page, { date: '2026-11-30' })
  await expect(page.getByText('Logged “Destiny” in your diary.')).toBeVisible()
  await expect(async () => {
    await visitor.goto(diary)
    await expect(visitor.getByRole('heading', { name: 'Destiny (1977)' })).toBeVisible({ timeout: 1000 }) // prettier-ignore
  }).toPass()
  await expect(visitor.getByRole('link', { name: 'Edit entry' })).toHaveCount(0)

  // The owner, whose browser fetches its own part of the shared pages when it runs JavaScript,
  // still gets their diary with a way to edit each line.
  if (test.info().project.use.javaScriptEnabled !== false) {
    const cookies = await page.context().cookies()
    expect(cookies.map((cookie) => cookie.name)).toContain('kf-member-js')
  }
  await page.goto(diary)
  await expect(page.getByRole('link', { name: 'Edit entry' })).toHaveCount(50)
})

test('a diary made private is a 404 at once, though its copy was served a moment before @same-without-js', async ({
  visitor,
}) => {
  const { username } = await createMember()
  const diary = `/u/${username}/diary`
  expect((await visitor.request.get(diary)).status()).toBe(200)
  expect((await visitor.request.get(diary)).status()).toBe(200)
  // No change log entry: the copy the server keeps for a second must not be what answers.
  await setDiaryPublicInDatabase(username, false)
  expect((await visitor.request.get(diary)).status()).toBe(404)
})
