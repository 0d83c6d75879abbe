import { expect, type Locator, type Page } from '@playwright/test'

export type ListFields = { description?: string; visibility?: 'Public' | 'Private' }

/** Makes a list through the form, as its owner; the returned page is the new list's. */
export async function createList(page: Page, title: string, fields: ListFields = {}) {
  await page.goto('/lists/new')
  await page.getByLabel('Title').fill(title)
  if (fields.description) await page.getByLabel('Description').fill(fields.description)
  if (fields.visibility) await page.getByRole('radio', { name: fields.visibility }).check()
  await page.getByRole('button', { name: 'Create list' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  return new ListPage(page, new URL(page.url()).pathname)
}

/** One list's page, at `path`, as its owner or anyone else sees it, and its editing page. */
export class ListPage {
  readonly films: Locator
  /** The films' titles, in the list's order. */
  readonly entries: Locator
  readonly editRegion: Locator
  readonly deleteRegion: Locator

  constructor(
    readonly page: Page,
    readonly path: string,
  ) {
    this.films = page.getByRole('list', { name: 'Films on this list' })
    this.entries = this.films.getByRole('heading', { level: 2 })
    this.editRegion = page.getByRole('region', { name: 'Edit list' })
    this.deleteRegion = page.getByRole('region', { name: 'Delete list' })
  }

  /** The same list seen from another page, say another person's. */
  on(page: Page) {
    return new ListPage(page, this.path)
  }

  /** The list as everyone reads it (its owner too). */
  async open() {
    return this.page.goto(this.path)
  }

  /** The owner's editing page: order, notes, the list's own fields, deleting. */
  async openEditor() {
    await this.page.goto(`${this.path}/edit`)
    await expect(this.editRegion).toBeVisible()
  }

  entry(filmTitle: string) {
    return this.films
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: filmTitle }) })
  }

  /** A button on one film's entry, say 'Move up' or 'Remove'. */
  entryButton(filmTitle: string, name: string) {
    return this.entry(filmTitle).getByRole('button', { name })
  }

  async saveNote(filmTitle: string, note: string) {
    const entry = this.entry(filmTitle)
    await entry.getByLabel('Note').fill(note)
    await entry.getByRole('button', { name: 'Save note' }).click()
    await expect(entry.getByText('Note saved.')).toBeVisible()
  }

  async edit(fields: { title?: string; visibility?: 'Public' | 'Private' }) {
    if (fields.title) await this.editRegion.getByLabel('Title').fill(fields.title)
    if (fields.visibility) await this.editRegion.getByRole('radio', { name: fields.visibility }).check() // prettier-ignore
    await this.editRegion.getByRole('button', { name: 'Save changes' }).click()
    await expect(this.editRegion.getByText('Your changes have been saved.')).toBeVisible()
  }

  /** Ticks the box that `confirmation` names, deletes the list and lands on your lists. */
  async delete(confirmation: string) {
    await this.deleteRegion.getByLabel(confirmation).check()
    await this.deleteRegion.getByRole('button', { name: 'Delete list' }).click()
    await expect(this.page).toHaveURL(/\/lists\?deleted=1$/)
  }
}
