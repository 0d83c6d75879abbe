import { expect, test, type Page } from '@playwright/test'

const headerSearch = (page: Page) =>
  page.getByRole('banner').getByRole('searchbox', { name: 'Search films' })

async function searchCatalogue(page: Page, query: string) {
  await page.goto('/films')
  await headerSearch(page).fill(query)
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click()
}

const filmLinks = (page: Page) => page.getByRole('list', { name: 'Films' }).getByRole('heading')

const EVERY_FILM = /^(\d+) films · page 1 of (\d+)$/
// As the catalogue sorts: a leading article does not count.
const sortKey = (title: string) => title.toLowerCase().replace(/^(the|a|an) /, '')

test('the catalogue lists the whole canon by title, twenty films a page @same-without-js', async ({
  page,
}) => {
  await page.goto('/films')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All films')
  await expect(page.getByRole('status')).toHaveText(EVERY_FILM)
  const [, total, pages] = EVERY_FILM.exec((await page.getByRole('status').textContent())!)!
  expect(Number(total)).toBeGreaterThanOrEqual(120)
  expect(Number(pages)).toBe(Math.ceil(Number(total) / 20))
  await expect(filmLinks(page)).toHaveCount(20)
  const titles = await filmLinks(page).allTextContents()
  expect(titles.map(sortKey)).toEqual(titles.map(sortKey).sort())
})

for (const query of ['журавли', 'zhuravli', 'Cranes']) {
  test(`searching "${query}" finds The Cranes Are Flying @same-without-js`, async ({ page }) => {
    await searchCatalogue(page, query)
    await expect(page).toHaveURL(new RegExp(`/films\\?q=${encodeURIComponent(query)}`))
    await expect(page.getByRole('status')).toHaveText(`1 film matching “${query}”`)
    await expect(filmLinks(page)).toHaveText(['The Cranes Are Flying'])
  })
}

test('ё and е are the same letter in search @same-without-js', async ({ page }) => {
  await searchCatalogue(page, 'мертвые')
  await expect(filmLinks(page)).toHaveText(['The Living and the Dead'])
})

test('a search with no match shows an empty state @same-without-js', async ({ page }) => {
  await searchCatalogue(page, 'Casablanca')
  await expect(page.getByRole('status')).toHaveText('0 films matching “Casablanca”')
  await expect(page.getByRole('heading', { name: 'No films found' })).toBeVisible()
  await page.getByRole('link', { name: 'see every film' }).click()
  await expect(page.getByRole('status')).toHaveText(EVERY_FILM)
})

test('filters by decade and director and sorts by year, all in the URL @same-without-js', async ({
  page,
}) => {
  await page.goto('/films')
  await page.getByLabel('Decade').selectOption('1960')
  await page.getByLabel('Sort by').selectOption({ label: 'Oldest first' })
  await page.getByRole('button', { name: 'Show films' }).click()
  await expect(page).toHaveURL(/decade=1960/)
  await expect(page).toHaveURL(/sort=year/)
  const years = await page
    .getByRole('list', { name: 'Films' })
    .getByRole('article')
    .evaluateAll((cards) =>
      cards.map((card) => Number(/\b(19\d\d)\b/.exec(card.textContent ?? '')?.[1])),
    )
  expect(years.length).toBeGreaterThan(2)
  expect(years.every((year) => year >= 1960 && year <= 1969)).toBe(true)
  expect(years).toEqual([...years].sort((a, b) => a - b))
  await expect(filmLinks(page)).toContainText(['Father of a Soldier', 'The Living and the Dead'])

  await page.getByLabel('Director').fill('klimov')
  await page.getByLabel('Decade').selectOption('')
  await page.getByRole('button', { name: 'Show films' }).click()
  await expect(filmLinks(page)).toHaveText(['Come and See'])
  await expect(page.getByLabel('Director')).toHaveValue('klimov')
  await expect(page.getByText('Matches Elem Klimov')).toBeVisible()

  // A person page's link names the director by slug; the box shows the name.
  await page.goto('/films?director=larisa-shepitko')
  await expect(filmLinks(page)).toHaveText(['The Ascent', 'Wings'])
  await expect(page.getByLabel('Director')).toHaveValue('Larisa Shepitko')
})

test('the header search box searches the catalogue from any page @same-without-js', async ({
  page,
}) => {
  await page.goto('/films/liberation')
  await page.getByRole('banner').getByRole('searchbox', { name: 'Search films' }).fill('Klimov')
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click()
  await expect(filmLinks(page)).toHaveText(['Come and See'])
})

test('on /films the one search box is the header’s: it shows the query and keeps the filters @same-without-js', async ({
  page,
}) => {
  await page.goto('/films?decade=1950&sort=title')
  await expect(page.getByRole('search')).toHaveCount(1)
  await expect(page.getByRole('searchbox', { name: /search/i })).toHaveCount(1)
  await expect(headerSearch(page)).toHaveValue('')
  await headerSearch(page).fill('soldier')
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/films\?q=soldier&decade=1950&sort=title$/)
  await expect(headerSearch(page)).toHaveValue('soldier')
  await expect(filmLinks(page)).toContainText(['Ballad of a Soldier'])

  // Filtering keeps the query, and the box still shows it.
  await page.getByLabel('Decade').selectOption({ label: 'Any decade' })
  await page.getByRole('button', { name: 'Show films' }).click()
  await expect(page).toHaveURL(/[?&]q=soldier/)
  await expect(headerSearch(page)).toHaveValue('soldier')

  // Elsewhere the box starts empty.
  await page.goto('/films/liberation')
  await expect(headerSearch(page)).toHaveValue('')
})

test('sitemap and robots.txt list the site @same-without-js', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect(sitemap).toContain('/films/the-cranes-are-flying</loc>')
  expect(sitemap).toContain('/people/elem-klimov</loc>')
  expect(sitemap.match(/<loc>[^<]*\/films\/[^<]+<\/loc>/g)!.length).toBeGreaterThanOrEqual(120)
  expect(sitemap).toContain('/decades/1940s</loc>')
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/)
})
