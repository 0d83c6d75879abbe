import type { Page } from '@playwright/test'
import { signUpFromSignInRedirect } from './support/accounts'
import { newMemberSignedIn } from './support/direct-member'
import { expectNoAxeViolations } from './support/axe'
import { asMember, expect, test } from './support/fixtures'
import type { FilmPage } from './support/film-page'
import { createList, type ListFields } from './support/list-page'

test.describe.configure({ timeout: 90_000 })

/** Makes a list, puts these films on it in this order, and opens it for editing. */
async function listWith(film: FilmPage, title: string, slugs: string[], fields?: ListFields) {
  const list = await createList(film.page, title, fields)
  for (const slug of slugs) {
    await film.goto(slug)
    await film.addToList(title)
  }
  await list.openEditor()
  return list
}

/** A page that is not there: status 404, and the not-found page in the HTML itself. */
async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  const html = await (await page.request.get(path)).text()
  expect(html).toContain('Page not found')
}

test('make a list, add three films, reorder, annotate, make it private', async ({
  browser,
  page,
  film,
  member,
  visitor,
}) => {
  const owner = await newMemberSignedIn(page)
  await page.getByRole('banner').getByRole('link', { name: 'Lists' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your lists')
  await expect(page.getByText('You have no lists yet.')).toBeVisible()
  await page.getByRole('link', { name: 'New list' }).click()
  await expect(page).toHaveURL(/\/lists\/new$/)
  await expect(page.getByRole('radio', { name: 'Private' })).toBeChecked()

  const list = await createList(page, 'Films of the war', {
    description: 'Seen in one winter.\nIn this order.',
    visibility: 'Public',
  })
  expect(list.path).toBe(`/u/${owner.username}/lists/films-of-the-war`)
  await expect(page.getByText('This list is empty.')).toBeVisible()

  for (const slug of ['the-cranes-are-flying', 'the-ascent', 'come-and-see']) {
    await film.goto(slug)
    await film.addToList('Films of the war')
  }
  // On every list already: nothing to choose, no Add button, and where it is.
  await page.reload()
  await expect(page.getByLabel('Add to list')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add', exact: true })).toHaveCount(0)
  await expect(page.getByText('On your list “Films of the war”.')).toBeVisible()

  // The owner reads the list as everyone does, with editing behind "Edit list".
  await list.open()
  await expect(page.getByText(`A list by ${owner.username} · 3 films · Public`)).toBeVisible()
  await expect(list.entries).toHaveText([/The Cranes Are Flying/, /The Ascent/, /Come and See/])
  await expect(page.getByRole('button', { name: 'Move up' })).toHaveCount(0)
  await expect(list.editRegion).toHaveCount(0)
  await page.getByRole('link', { name: 'Edit list' }).click()
  await expect(page).toHaveURL(new RegExp(`${list.path}/edit$`))
  await expect(list.entries).toHaveText([/The Cranes Are Flying/, /The Ascent/, /Come and See/])
  await expect(list.entryButton('The Cranes Are Flying', 'Move up')).toBeDisabled()
  await list.entryButton('Come and See', 'Move up').click()
  await expect(list.entries).toHaveText([/The Cranes Are Flying/, /Come and See/, /The Ascent/])
  await list.entryButton('The Cranes Are Flying', 'Move down').click()
  await expect(list.entries).toHaveText([/Come and See/, /The Cranes Are Flying/, /The Ascent/])

  await list.saveNote('The Cranes Are Flying', 'The birch trees, spinning.')
  await page.reload()
  await expect(list.entries).toHaveText([/Come and See/, /The Cranes Are Flying/, /The Ascent/])
  await expect(list.entry('The Cranes Are Flying').getByLabel('Note')).toHaveValue('The birch trees, spinning.') // prettier-ignore

  // Anyone may see a public list, notes and all, but not change it.
  const seen = list.on(visitor)
  await seen.open()
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Films of the war')
  await expect(visitor.getByText('Seen in one winter.')).toBeVisible()
  await expect(seen.entries).toHaveText([/Come and See/, /The Cranes Are Flying/, /The Ascent/])
  await expect(visitor.getByText('The birch trees, spinning.')).toBeVisible()
  await expect(visitor.getByRole('button', { name: 'Move up' })).toHaveCount(0)
  await expect(visitor.getByRole('button', { name: 'Delete list' })).toHaveCount(0)
  await expect(visitor.getByRole('link', { name: 'Edit list' })).toHaveCount(0)
  // Editing is the owner's alone, public list or not.
  await expectNotFound(visitor, `${list.path}/edit`)

  await list.edit({ title: 'Films of the war, in order', visibility: 'Private' })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Films of the war, in order')
  await expect(page.getByText(`A list by ${owner.username} · 3 films · Private`)).toBeVisible()

  // Private: a 404 with the real not-found page for someone signed out and for someone else.
  await expectNotFound(visitor, list.path)
  const someoneElse = await (await browser.newContext({ storageState: member.state })).newPage()
  await expectNotFound(someoneElse, list.path)
  await expectNotFound(someoneElse, `${list.path}/edit`)
  await someoneElse.goto(`/u/${owner.username}`)
  await expect(someoneElse.getByText(`${owner.username} has no public lists.`)).toBeVisible()
  await someoneElse.context().close()

  await page.goto('/lists')
  await expect(page.getByRole('link', { name: 'Films of the war, in order' })).toBeVisible()
  await expect(page.getByText('3 films · Private')).toBeVisible()
})

test('a profile shows public lists and ratings, never private lists', async ({
  page,
  film,
  visitor,
}) => {
  const owner = await newMemberSignedIn(page)
  await createList(page, 'Shared with everyone', { visibility: 'Public' })
  await createList(page, 'Kept to myself')
  // Films that other specs rate and count exactly are left alone.
  await film.goto('liberation')
  await film.rate('3.5 stars')

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
})

test('bad input gets a message next to the field and changes nothing', async ({ page }) => {
  await newMemberSignedIn(page)
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

test('your lists send people who are signed out to sign in, and back', async ({ page }) => {
  await signUpFromSignInRedirect(page, '/lists')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your lists')
})

test('the home page shows a signed-in person how much of the curated list they have rated', async ({
  page,
  film,
}) => {
  await page.goto('/')
  await expect(page.getByText(/You have rated/)).toHaveCount(0)
  await newMemberSignedIn(page)
  await page.goto('/')
  const progress = page.getByText(/^You have rated \d+ of \d+$/)
  await expect(progress).toHaveText(/^You have rated 0 of \d+$/)
  const total = (await progress.textContent())!.match(/of (\d+)/)![1]
  // Films that other specs rate and count exactly are left alone.
  await film.goto('liberation')
  await film.rate('4 stars')
  await page.goto('/')
  await expect(progress).toHaveText(`You have rated 1 of ${total}`)
})

// Each test makes a list of its own, so tests sharing the member never see each other's.
test.describe('signed in as the member', () => {
  test.use(asMember)

  test('what people write is shown as text', async ({ page, film }) => {
    page.on('dialog', (dialog) => {
      throw new Error(`a script ran: ${dialog.message()}`)
    })
    const title = '<script>alert(1)</script>'
    const description = '<img src=x onerror="alert(2)"> & <b>bold</b>'
    const list = await listWith(film, title, ['the-ascent'], { description })
    await expect(page.getByRole('main').getByRole('paragraph').filter({ hasText: description })).toHaveText(description) // prettier-ignore
    await list.saveNote('The Ascent', '</textarea><script>alert(3)</script>')
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(list.entry('The Ascent').getByLabel('Note')).toHaveValue('</textarea><script>alert(3)</script>') // prettier-ignore
  })

  test('removing a film, then deleting the list after confirming', async ({ page, film }) => {
    const list = await listWith(film, 'Short-lived', ['come-and-see', 'the-ascent'])
    await list.entryButton('The Ascent', 'Remove').click()
    await expect(list.entries).toHaveText([/Come and See/])
    await expect(page.getByText('· 1 film')).toBeVisible()
    await list.deleteRegion.getByRole('button', { name: 'Delete list' }).click()
    await expect(list.deleteRegion.getByText('Tick the box to confirm')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Short-lived')
    await list.delete('Yes, delete “Short-lived” and its 1 film.')
    await expect(page.getByRole('status')).toHaveText('The list has been deleted.')
    await expectNotFound(page, list.path)
  })
})

test.describe('@js-only', () => {
  test.use(asMember)

  test('moving an entry keeps focus on the button that moved it', async ({ page, film }) => {
    const list = await listWith(film, 'Keyboard order', ['the-cranes-are-flying', 'the-ascent'])
    await list.entryButton('The Ascent', 'Move up').focus()
    await page.keyboard.press('Enter')
    await expect(list.entries).toHaveText([/The Ascent/, /The Cranes Are Flying/])
    // At the top Move up is disabled, so focus goes to Move down of the same entry.
    await expect(list.entryButton('The Ascent', 'Move down')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(list.entries).toHaveText([/The Cranes Are Flying/, /The Ascent/])
    // The order shows at once; the list stays busy until the server has it too.
    await expect(list.films).toHaveAttribute('aria-busy', 'false')
    await page.reload()
    await expect(list.entries).toHaveText([/The Cranes Are Flying/, /The Ascent/])
  })

  test('axe finds no violations on a list’s editing page, the list page and /lists', async ({
    page,
    film,
  }) => {
    const list = await listWith(film, 'Checked by axe', ['the-ascent', 'come-and-see'], {
      description: 'Two films.',
    })
    await expectNoAxeViolations(page)
    await list.open()
    await expect(list.entries).toHaveCount(2)
    await expectNoAxeViolations(page)
    await page.goto('/lists')
    await expect(page.getByRole('link', { name: 'Checked by axe' }).first()).toBeVisible()
    await expectNoAxeViolations(page)
  })
})
