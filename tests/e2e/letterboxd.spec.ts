import { readFileSync, writeFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { newMemberSignedIn } from './support/direct-member'
import { expectNoAxeViolations } from './support/axe'
import { expect, test } from './support/fixtures'

/** axe runs in the page, so only where scripts run; the pages are the same without them. */
const checkAccessibility = async (page: Page) => {
  if (test.info().project.use.javaScriptEnabled !== false) await expectNoAxeViolations(page)
}

// "Download my data" and importing it (or a Letterboxd file) on /settings/data, with and without
// JavaScript.

const fileField = (page: Page) => page.getByLabel('Letterboxd export (ZIP or CSV)')

async function logDaysAndNights(page: Page, username: string) {
  await page.goto('/films/days-and-nights')
  await page.locator('details.log-viewing').getByText('Log a viewing', { exact: true }).click()
  const form = page.getByRole('form', { name: 'Log a viewing' })
  await form.getByLabel('Date watched').fill('2026-09-14')
  await form.getByRole('group', { name: 'Rating' }).getByRole('radio', { name: '5 stars', exact: true }).check() // prettier-ignore
  await form.getByLabel('Review').fill(`=Exported by ${username}`)
  await form.getByRole('button', { name: 'Save to diary' }).click()
  await expect(page.getByText('Logged “Days and Nights” in your diary.')).toBeVisible()
}

test('downloads my data as a Letterboxd ZIP, and another account imports it after a preview', async ({
  page,
  visitor,
}) => {
  test.slow()
  const { username } = await newMemberSignedIn(page)
  await logDaysAndNights(page, username)
  await page.goto('/settings/data')
  await checkAccessibility(page)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download my data' }).click(),
  ])
  const zipPath = await download.path()
  const files = unzipSync(readFileSync(zipPath))
  const diary = strFromU8(files['diary.csv']!)
  expect(diary.split('\n')[0]).toBe(
    'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date',
  )
  expect(diary).toMatch(
    /,Days and Nights,1944,http:\/\/[^,]+\/films\/days-and-nights,5,,,2026-09-14\n/,
  )
  expect(strFromU8(files['reviews.csv']!)).toContain(`'=Exported by ${username}`)

  await newMemberSignedIn(visitor)
  await visitor.goto('/settings/data')
  await fileField(visitor).setInputFiles({ name: 'export.zip', mimeType: 'application/zip', buffer: readFileSync(zipPath) }) // prettier-ignore
  await visitor.getByRole('button', { name: 'Preview import' }).click()
  const preview = visitor.getByRole('region', { name: 'What importing export.zip adds' })
  await expect(preview.getByRole('listitem')).toHaveText(['1 rating', '1 diary entry', '1 review', '1 watched film', '0 films on your watchlist', '0 lists']) // prettier-ignore
  await checkAccessibility(visitor)
  await preview.getByRole('button', { name: 'Import' }).click()
  await expect(visitor.getByText('Imported 1 rating, 1 diary entry, 1 review, 1 watched film, 0 films on your watchlist, 0 lists.')).toBeVisible() // prettier-ignore

  await visitor.goto('/diary')
  await expect(visitor.getByRole('heading', { name: 'Days and Nights (1944)' })).toBeVisible()
  await expect(visitor.getByText('14 September 2026 · 5 stars')).toBeVisible()
  await expect(visitor.getByText(`=Exported by ${username}`)).toBeVisible()
})

test('names the rows that match no film, and refuses a file that is not an export', async ({
  page,
}) => {
  await newMemberSignedIn(page)
  await page.goto('/settings/data')
  const csv = 'Date,Name,Year,Letterboxd URI\n2024-01-01,Come and See,1985,\n2024-01-02,Not A Real Film,1950,\n' // prettier-ignore
  await fileField(page).setInputFiles({ name: 'watchlist.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }) // prettier-ignore
  await page.getByRole('button', { name: 'Preview import' }).click()
  await expect(page.getByRole('heading', { name: 'Not in the catalogue' })).toBeVisible()
  await expect(page.getByText('Not A Real Film (1950) — watchlist.csv, row 3')).toBeVisible()
  await expect(page.getByText('1 film on your watchlist', { exact: true })).toBeVisible()

  await fileField(page).setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }) // prettier-ignore
  await page.getByRole('button', { name: 'Preview import' }).click()
  await expect(fileField(page)).toHaveAccessibleDescription(/poster\.png: This is neither a ZIP nor a CSV file\./) // prettier-ignore
})

test('a file over the size limit is refused by its field: before it is sent with JavaScript, after without', async ({
  page,
}) => {
  test.slow()
  // Over the 12 MB that server.ts lets this page's forms send; from a file, as a buffer this large
  // is slow to hand to the browser.
  const huge = test.info().outputPath('huge.csv')
  writeFileSync(huge, Buffer.alloc(13 * 1024 * 1024, 'a'))
  await newMemberSignedIn(page)
  await page.goto('/settings/data')
  const posts: string[] = []
  page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()))
  await fileField(page).setInputFiles(huge)
  await page.getByRole('button', { name: 'Preview import' }).click()
  await expect(fileField(page)).toHaveAccessibleDescription(/That file is larger than 10 MB, the most an import reads\./) // prettier-ignore
  await expect(page.getByText('Please correct the fields marked below.')).toBeVisible()
  if (test.info().project.use.javaScriptEnabled === false) {
    await expect(page).toHaveURL(/\/settings\/data\?upload=too-large$/)
  } else {
    await expect(fileField(page)).toBeFocused()
    expect(posts).toEqual([])
  }
  await checkAccessibility(page)
})
