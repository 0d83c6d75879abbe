import { newMemberSignedIn } from './support/direct-member'
import { expectNoAxeViolations } from './support/axe'
import { grantCurator } from './support/curator'
import { expect, test } from './support/fixtures'

const FIXTURE = 'tests/fixtures/curated/e2e-list.txt'

test('curator pages are a 404 to visitors and to members who are not curators', async ({
  page,
  visitor,
}) => {
  for (const path of [
    '/curate',
    '/curate/history',
    '/curate/lists/soviet-films-of-the-great-patriotic-war',
  ]) {
    expect((await visitor.goto(path))!.status(), path).toBe(404)
  }
  await newMemberSignedIn(page)
  for (const path of ['/curate', '/curate/history']) {
    expect((await page.goto(path))!.status(), path).toBe(404)
  }
})

test('a curator uploads a list, previews it, applies it, judges an entry and sees the history', async ({
  page,
}, info) => {
  // Signing up hashes a password twice and axe scans three pages: slow on a busy machine.
  test.setTimeout(240_000)
  const user = await newMemberSignedIn(page)
  grantCurator(user.username)
  const slug = `war-films-${info.project.name}`
  // axe runs in the page's JavaScript: the no-JS project checks everything else.
  const scanWithAxe = async () => {
    if (info.project.use.javaScriptEnabled !== false) await expectNoAxeViolations(page)
  }

  await page.goto('/curate')
  await expect(page.getByRole('heading', { level: 1, name: 'Curate' })).toBeVisible()

  // A bad slug is refused next to its field, and nothing is previewed.
  await page.getByLabel('List file').setInputFiles(FIXTURE)
  await page.getByLabel('List slug').fill('Bad Slug/../x')
  await page.getByRole('button', { name: 'Preview import' }).click()
  await expect(page.getByText('A list slug may use only lower-case letters a–z, digits and single hyphens')).toBeVisible() // prettier-ignore

  await page.getByLabel('List file').setInputFiles(FIXTURE)
  await page.getByLabel('List slug').fill(slug)
  await page.getByRole('button', { name: 'Preview import' }).click()
  const preview = page.getByRole('region', { name: 'Preview of e2e-list.txt' })
  await expect(preview).toContainText('A new list “War films from everywhere”')
  await expect(preview).toContainText('4 entries: 4 added, 0 changed, 1 not in our catalogue')
  const rows = preview.getByRole('table', { name: 'Entries of the file' }).getByRole('row')
  await expect(rows.filter({ hasText: 'Cross of Iron (1977)' })).toContainText('Not in our catalogue') // prettier-ignore
  await expect(rows.filter({ hasText: 'Иваново детство (1962)' }).getByRole('link', { name: "Ivan's Childhood" })).toBeVisible() // prettier-ignore
  await scanWithAxe()
  // Nothing is published before the curator applies it.
  expect((await page.request.get(`/curated/${slug}`)).status()).toBe(404)

  await page.getByRole('button', { name: 'Apply import' }).click()
  await expect(page.getByRole('status')).toContainText('Imported “War films from everywhere”')

  await page.goto(`/curated/${slug}`)
  const entries = page.getByRole('list', { name: 'Films in the curated list' }).getByRole('listitem') // prettier-ignore
  await expect(entries).toHaveCount(4)
  await expect(entries.nth(1)).toContainText('Cross of Iron')
  await expect(entries.nth(1)).toContainText('Not in our catalogue')
  await expect(entries.nth(1).getByRole('link')).toHaveCount(0)

  // A verification of Hot Snow's fact, then its text edited.
  await page.goto(`/curate/lists/${slug}`)
  const hotSnow = page.getByRole('region', { name: 'No. 1: Hot Snow (1972)' })
  await hotSnow.getByLabel('Verdict').selectOption('verified')
  await hotSnow.getByLabel('Claim').fill('his first film')
  await hotSnow.getByLabel('Text', { exact: true }).fill('It is based on Bondarev’s novel.')
  await hotSnow.getByRole('button', { name: 'Add judgement' }).click()
  await expect(page.getByText('The claim must quote the entry’s text word for word')).toBeVisible() // prettier-ignore
  const again = page.getByRole('region', { name: 'No. 1: Hot Snow (1972)' })
  await again.getByLabel('Verdict').selectOption('verified')
  await again.getByLabel('Claim').fill("Yuri Bondarev's novel")
  await again.getByLabel('Text', { exact: true }).fill('It is based on Bondarev’s novel.')
  await again.getByLabel('Sources').fill('https://en.wikipedia.org/wiki/Hot_Snow')
  await again.getByRole('button', { name: 'Add judgement' }).click()
  const judgement = page.getByRole('group', { name: /^Verification of the fact: “Yuri Bondarev's novel”/ }) // prettier-ignore
  await expect(judgement.getByLabel('Text')).toHaveValue('It is based on Bondarev’s novel.')
  await judgement.getByLabel('Text').fill('Hot Snow follows Bondarev’s 1970 novel.')
  await judgement.getByRole('button', { name: 'Save judgement' }).click()
  await expect(page.getByText('Correction saved.')).toBeVisible()
  await page.goto(`/curate/lists/${slug}`)
  await expect(judgement.getByLabel('Text')).toHaveValue('Hot Snow follows Bondarev’s 1970 novel.')
  await scanWithAxe()

  // The film page has one notes section per list, each with an id of its own.
  await page.goto('/films/hot-snow')
  const ids = await page.locator('[id^="curator-notes-"]').evaluateAll((els) => els.map((e) => e.id)) // prettier-ignore
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids).toContain(`curator-notes-${slug}`)
  // The film page is cached for everyone: the edit reaches it within a second or so, not at once.
  await expect(async () => {
    await page.reload()
    await expect(page.locator(`#curator-notes-${slug}`).locator('..')).toContainText('✓ Verified: Hot Snow follows Bondarev’s 1970 novel.', { timeout: 1000 }) // prettier-ignore
  }).toPass({ timeout: 10_000 })

  await page.goto('/curate/history')
  const history = page.getByRole('table', { name: 'Most recent first' })
  await expect(history.getByRole('row').filter({ hasText: 'Imported e2e-list.txt' }).filter({ hasText: slug })).toContainText(user.username) // prettier-ignore
  await expect(history.getByRole('row').filter({ hasText: 'Edited the judgement' }).filter({ hasText: slug })).toHaveCount(1) // prettier-ignore
  await scanWithAxe()
})
