import type { Browser, Page, TestInfo } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { newUser, signUp, type TestUser } from './support/accounts'
import { expectNoAxeViolations } from './support/axe'

test.describe.configure({ timeout: 90_000 })

const withoutJavaScript = (info: TestInfo) => info.project.use.javaScriptEnabled === false

// Creating an account hashes a password, which takes a while on a busy machine.
async function signedUp(page: Page): Promise<TestUser> {
  const user = newUser()
  await signUp(page, user)
  await expect(page.getByRole('banner').getByRole('link', { name: user.username })).toBeVisible({
    timeout: 20_000,
  })
  return user
}

async function createList(
  page: Page,
  title: string,
  options: { description?: string; visibility?: 'Public' | 'Private' } = {},
) {
  // prettier-ignore
  await page.goto('/lists/new')
  await page.getByLabel('Title').fill(title)
  if (options.description) await page.getByLabel('Description').fill(options.description)
  if (options.visibility) await page.getByRole('radio', { name: options.visibility }).check()
  await page.getByRole('button', { name: 'Create list' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  return new URL(page.url()).pathname
}

async function addFilm(page: Page, slug: string, listTitle: string) {
  await page.goto(`/films/${slug}`)
  await page.getByLabel('Add to list').selectOption({ label: listTitle })
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByText(`Added to “${listTitle}”.`)).toBeVisible()
}

const entries = (page: Page) =>
  page.getByRole('list', { name: 'Films on this list' }).getByRole('heading', { level: 2 })
const entry = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Films on this list' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title }) })

/** A page that is not there: status 404, and the not-found page in the HTML itself. */
async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  const html = await (await page.request.get(path)).text()
  expect(html).toContain('Page not found')
}

async function anotherVisitor(browser: Browser, info: TestInfo) {
  const context = await browser.newContext({
    javaScriptEnabled: !withoutJavaScript(info),
    extraHTTPHeaders: { 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }, // prettier-ignore
  })
  return context.newPage()
}

test('make a list, add three films, reorder, annotate, make it private', async ({
  page,
  browser,
}, info) => {
  const owner = await signedUp(page)
  await page.getByRole('banner').getByRole('link', { name: 'Lists' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your lists')
  await expect(page.getByText('You have no lists yet.')).toBeVisible()
  await page.getByRole('link', { name: 'New list' }).click()
  await expect(page).toHaveURL(/\/lists\/new$/)
  await expect(page.getByRole('radio', { name: 'Private' })).toBeChecked()

  const path = await createList(page, 'Films of the war', {
    description: 'Seen in one winter.\nIn this order.',
    visibility: 'Public',
  })
  expect(path).toBe(`/u/${owner.username}/lists/films-of-the-war`)
  await expect(page.getByText('This list is empty.')).toBeVisible()

  await addFilm(page, 'the-cranes-are-flying', 'Films of the war')
  await addFilm(page, 'the-ascent', 'Films of the war')
  await addFilm(page, 'come-and-see', 'Films of the war')
  // Adding again keeps one entry.
  await page.getByLabel('Add to list').selectOption({ label: 'Films of the war (already on it)' })
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByText('It is already on “Films of the war”.')).toBeVisible()

  await page.goto(path)
  await expect(page.getByText(`A list by ${owner.username} · 3 films · Public`)).toBeVisible()
  await expect(entries(page)).toHaveText([/The Cranes Are Flying/, /The Ascent/, /Come and See/])
  await expect(entry(page, 'The Cranes Are Flying').getByRole('button', { name: 'Move up' })).toBeDisabled() // prettier-ignore
  await entry(page, 'Come and See').getByRole('button', { name: 'Move up' }).click()
  await expect(entries(page)).toHaveText([/The Cranes Are Flying/, /Come and See/, /The Ascent/])
  await entry(page, 'The Cranes Are Flying').getByRole('button', { name: 'Move down' }).click()
  await expect(entries(page)).toHaveText([/Come and See/, /The Cranes Are Flying/, /The Ascent/])

  const cranes = entry(page, 'The Cranes Are Flying')
  await cranes.getByLabel('Note').fill('The birch trees, spinning.')
  await cranes.getByRole('button', { name: 'Save note' }).click()
  await expect(cranes.getByText('Note saved.')).toBeVisible()
  await page.reload()
  await expect(entries(page)).toHaveText([/Come and See/, /The Cranes Are Flying/, /The Ascent/])
  await expect(entry(page, 'The Cranes Are Flying').getByLabel('Note')).toHaveValue('The birch trees, spinning.') // prettier-ignore

  // Anyone may see a public list, notes and all, but not change it.
  const visitor = await anotherVisitor(browser, info)
  await visitor.goto(path)
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Films of the war')
  await expect(visitor.getByText('Seen in one winter.')).toBeVisible()
  await expect(entries(visitor)).toHaveText([/Come and See/, /The Cranes Are Flying/, /The Ascent/]) // prettier-ignore
  await expect(visitor.getByText('The birch trees, spinning.')).toBeVisible()
  await expect(visitor.getByRole('button', { name: 'Move up' })).toHaveCount(0)
  await expect(visitor.getByRole('button', { name: 'Delete list' })).toHaveCount(0)

  const edit = page.getByRole('region', { name: 'Edit list' })
  await edit.getByLabel('Title').fill('Films of the war, in order')
  await edit.getByRole('radio', { name: 'Private' }).check()
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(edit.getByText('Your changes have been saved.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Films of the war, in order')
  await expect(page.getByText(`A list by ${owner.username} · 3 films · Private`)).toBeVisible()

  // Private: a 404 with the real not-found page for someone signed out and for someone else.
  await expectNotFound(visitor, path)
  await signedUp(visitor)
  await expectNotFound(visitor, path)
  await visitor.goto(`/u/${owner.username}`)
  await expect(visitor.getByText(`${owner.username} has no public lists.`)).toBeVisible()
  await visitor.context().close()

  await page.goto('/lists')
  await expect(page.getByRole('link', { name: 'Films of the war, in order' })).toBeVisible()
  await expect(page.getByText('3 films · Private')).toBeVisible()
})

test('a profile shows public lists and ratings, never private lists', async ({
  page,
  browser,
}, info) => {
  const owner = await signedUp(page)
  await createList(page, 'Shared with everyone', { visibility: 'Public' })
  await createList(page, 'Kept to myself')
  // Films that other specs rate and count exactly are left alone.
  await page.goto('/films/liberation')
  await page.getByRole('group', { name: 'Your rating' }).getByRole('radio', { name: '3.5 stars', exact: true }).check() // prettier-ignore
  if (withoutJavaScript(info)) await page.getByRole('button', { name: 'Save rating' }).click()
  await expect(page.getByText('Your rating: 3.5 stars')).toBeVisible()

  const visitor = await anotherVisitor(browser, info)
  await visitor.goto(`/u/${owner.username}`)
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(owner.username)
  await expect(visitor.getByText('1 rating · 1 public list')).toBeVisible()
  const lists = visitor.getByRole('region', { name: 'Lists' })
  await expect(lists.getByRole('link', { name: 'Shared with everyone' })).toBeVisible()
  await expect(visitor.getByText('Kept to myself')).toHaveCount(0)
  const ratings = visitor.getByRole('region', { name: 'Ratings' })
  const row = ratings.getByRole('row').filter({ hasText: 'Liberation' })
  await expect(row).toContainText('3.5 stars')
  await expect(row.getByRole('link', { name: 'Liberation' })).toHaveAttribute('href', '/films/liberation') // prettier-ignore
  await expect(visitor.getByRole('region', { name: 'Watchlist' })).toHaveCount(0)
  await visitor.context().close()
})

test('what people write is shown as text', async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a script ran: ${dialog.message()}`)
  })
  await signedUp(page)
  const title = '<script>alert(1)</script>'
  const path = await createList(page, title, {
    description: '<img src=x onerror="alert(2)"> & <b>bold</b>',
  })
  const description = '<img src=x onerror="alert(2)"> & <b>bold</b>'
  await expect(page.getByRole('main').getByRole('paragraph').filter({ hasText: description })).toHaveText(description) // prettier-ignore
  await addFilm(page, 'the-ascent', title)
  await page.goto(path)
  const ascent = entry(page, 'The Ascent')
  await ascent.getByLabel('Note').fill('</textarea><script>alert(3)</script>')
  await ascent.getByRole('button', { name: 'Save note' }).click()
  await expect(ascent.getByText('Note saved.')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(entry(page, 'The Ascent').getByLabel('Note')).toHaveValue('</textarea><script>alert(3)</script>') // prettier-ignore
})

test('bad input gets a message next to the field and changes nothing', async ({ page }) => {
  await signedUp(page)
  await page.goto('/lists/new')
  await page.getByRole('button', { name: 'Create list' }).click()
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription(/Enter a title/)
  await page.getByLabel('Title').fill('   ')
  await page.getByLabel('Description').fill('Kept when the form comes back')
  await page.getByRole('button', { name: 'Create list' }).click()
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription(/Enter a title/)
  await expect(page.getByLabel('Description')).toHaveValue('Kept when the form comes back')
  await page.goto('/lists')
  await expect(page.getByText('You have no lists yet.')).toBeVisible()
})

test('removing a film, then deleting the list after confirming', async ({ page }) => {
  await signedUp(page)
  const path = await createList(page, 'Short-lived')
  await addFilm(page, 'come-and-see', 'Short-lived')
  await addFilm(page, 'the-ascent', 'Short-lived')
  await page.goto(path)
  await entry(page, 'The Ascent').getByRole('button', { name: 'Remove' }).click()
  await expect(entries(page)).toHaveText([/Come and See/])
  await expect(page.getByText('· 1 film')).toBeVisible()
  const region = page.getByRole('region', { name: 'Delete list' })
  await region.getByRole('button', { name: 'Delete list' }).click()
  await expect(region.getByText('Tick the box to confirm')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Short-lived')
  await region.getByLabel('Yes, delete “Short-lived” and its 1 film.').check()
  await region.getByRole('button', { name: 'Delete list' }).click()
  await expect(page).toHaveURL(/\/lists\?deleted=1$/)
  await expect(page.getByRole('status')).toHaveText('The list has been deleted.')
  await expectNotFound(page, path)
})

test('your lists send people who are signed out to sign in, and back', async ({ page }) => {
  await page.goto('/lists')
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Flists$/)
  await page.getByRole('link', { name: 'Create an account' }).click()
  await expect(page).toHaveURL(/\/signup\?callbackUrl=%2Flists$/)
  await signUp(page, newUser(), page.url())
  await expect(page).toHaveURL(/\/lists$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your lists')
})

test('the home page shows a signed-in person how much of the curated list they have rated', async ({
  page,
}, info) => {
  await page.goto('/')
  await expect(page.getByText(/You have rated/)).toHaveCount(0)
  await signedUp(page)
  await page.goto('/')
  const progress = page.getByText(/^You have rated \d+ of \d+$/)
  await expect(progress).toHaveText(/^You have rated 0 of \d+$/)
  const total = (await progress.textContent())!.match(/of (\d+)/)![1]
  await page.goto('/films/the-battle-of-stalingrad')
  await page.getByRole('group', { name: 'Your rating' }).getByRole('radio', { name: '4 stars', exact: true }).check() // prettier-ignore
  if (withoutJavaScript(info)) await page.getByRole('button', { name: 'Save rating' }).click()
  await expect(page.getByText('Your rating: 4 stars')).toBeVisible()
  await page.goto('/')
  await expect(progress).toHaveText(`You have rated 1 of ${total}`)
})

test.describe('@js-only', () => {
  test('moving an entry keeps focus on the button that moved it', async ({ page }) => {
    await signedUp(page)
    const path = await createList(page, 'Keyboard order')
    await addFilm(page, 'the-cranes-are-flying', 'Keyboard order')
    await addFilm(page, 'the-ascent', 'Keyboard order')
    await page.goto(path)
    await entry(page, 'The Ascent').getByRole('button', { name: 'Move up' }).focus()
    await page.keyboard.press('Enter')
    await expect(entries(page)).toHaveText([/The Ascent/, /The Cranes Are Flying/])
    // At the top Move up is disabled, so focus goes to Move down of the same entry.
    await expect(entry(page, 'The Ascent').getByRole('button', { name: 'Move down' })).toBeFocused() // prettier-ignore
    await page.keyboard.press('Enter')
    await expect(entries(page)).toHaveText([/The Cranes Are Flying/, /The Ascent/])
    // The order shows at once; the list stays busy until the server has it too.
    await expect(page.getByRole('list', { name: 'Films on this list' })).toHaveAttribute('aria-busy', 'false') // prettier-ignore
    await page.reload()
    await expect(entries(page)).toHaveText([/The Cranes Are Flying/, /The Ascent/])
  })

  for (const which of ['/lists', 'a list page']) {
    test(`axe finds no violations on ${which}`, async ({ page }) => {
      await signedUp(page)
      const path = await createList(page, 'Checked by axe', { description: 'Two films.' })
      await addFilm(page, 'the-ascent', 'Checked by axe')
      await addFilm(page, 'come-and-see', 'Checked by axe')
      await page.goto(which === '/lists' ? '/lists' : path)
      await expectNoAxeViolations(page)
    })
  }
})
