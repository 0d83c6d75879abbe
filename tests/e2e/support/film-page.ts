import { expect, type Locator, type Page } from '@playwright/test'

/** A film page as a signed-in person uses it: their rating, watchlist button and lists. */
export class FilmPage {
  readonly main: Locator
  readonly title: Locator
  readonly ratingGroup: Locator
  /**
   * "Your rating: 4 stars", with "Saving…" after it until the server has the rating, or (with
   * JavaScript, after the arrow keys) "4 stars chosen, not saved yet."
   */
  readonly ratingStatus: Locator
  readonly summary: Locator
  readonly saveRatingButton: Locator
  readonly removeRatingButton: Locator
  readonly addToWatchlistButton: Locator
  readonly removeFromWatchlistButton: Locator

  /** `javaScript`: whether the browser runs scripts, which decides how a rating is sent. */
  constructor(
    readonly page: Page,
    readonly javaScript: boolean,
  ) {
    this.main = page.getByRole('main')
    this.title = page.getByRole('heading', { level: 1 })
    this.ratingGroup = page.getByRole('group', { name: 'Your rating' })
    this.ratingStatus = page.getByRole('status').filter({
      hasText: /^(Your rating: |You have not rated this film\.|.+ chosen, not saved yet\.)/,
    })
    this.summary = page.getByRole('region', { name: 'Ratings' })
    this.saveRatingButton = page.getByRole('button', { name: 'Save rating' })
    this.removeRatingButton = page.getByRole('button', { name: 'Remove rating' })
    this.addToWatchlistButton = this.main.getByRole('button', { name: 'Add to watchlist' })
    this.removeFromWatchlistButton = this.main.getByRole('button', { name: 'Remove from watchlist' }) // prettier-ignore
  }

  async goto(slug: string) {
    await this.page.goto(`/films/${slug}`)
  }

  star(name: string) {
    return this.ratingGroup.getByRole('radio', { name, exact: true })
  }

  /**
   * Chooses a star (`'3.5 stars'`); with JavaScript that saves at once, without it the button
   * sends the form. Waits until the server has it: with JavaScript the new score shows at once.
   */
  async rate(name: string) {
    await this.star(name).check()
    if (!this.javaScript) await this.page.getByRole('button', { name: 'Save rating' }).click()
    await expect(this.ratingStatus).toHaveText(`Your rating: ${name}`)
  }

  async removeRating() {
    await this.removeRatingButton.click()
    await expect(this.ratingStatus).toHaveText('You have not rated this film.')
  }

  /** Presses the page's watchlist button and waits for the server's answer. */
  async addToWatchlist() {
    await this.addToWatchlistButton.click()
    await expect(this.main.getByText(`Added “${await this.title.textContent()}” to your watchlist.`)).toBeVisible() // prettier-ignore
    await expect(this.removeFromWatchlistButton).toBeVisible()
  }

  async removeFromWatchlist() {
    await this.removeFromWatchlistButton.click()
    await expect(this.main.getByText(`Removed “${await this.title.textContent()}” from your watchlist.`)).toBeVisible() // prettier-ignore
    await expect(this.addToWatchlistButton).toBeVisible()
  }

  /** Adds this film to one of the person's lists, chosen by its title. */
  async addToList(listTitle: string) {
    await this.page.getByLabel('Add to list').selectOption({ label: listTitle })
    await this.page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(this.page.getByText(`Added to “${listTitle}”.`)).toBeVisible()
  }
}
