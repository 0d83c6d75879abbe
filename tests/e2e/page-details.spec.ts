import { expect, test, asMember } from './support/fixtures'

// The small things a first visit notices: the icon, the preview a shared link shows, empty and
// missing pages, and buttons that delete looking unlike buttons that save.

test('the site has a favicon, and a first visit logs no console errors @same-without-js', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  const failed: string[] = []
  page.on('response', (response) => response.status() >= 400 && failed.push(response.url()))

  await page.goto('/films/the-cranes-are-flying')
  await page.waitForLoadState('networkidle')
  expect(failed).toEqual([])
  expect(errors).toEqual([])

  const icon = await page.request.get('/favicon.ico')
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/)
  const bytes = await icon.body()
  expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]) // an ICO file's header
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1)
})

test('a film page offers a generated preview image of its title, original title and year @same-without-js', async ({
  page,
}) => {
  const previewOf = async (slug: string) => {
    await page.goto(`/films/${slug}`)
    const address = await page.locator('meta[property="og:image"]').getAttribute('content')
    expect(address).toMatch(new RegExp(`/films/${slug}/opengraph-image`))
    const url = new URL(address!)
    return page.request.get(url.pathname + url.search)
  }
  const image = await previewOf('the-cranes-are-flying')
  await page.goto('/films/the-cranes-are-flying')
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200')
  await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /title/)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')
  const png = await image.body()
  // PNG signature, then the IHDR chunk's width and height.
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])

  // Another film gets another picture (not one image for every page).
  const other = await previewOf('come-and-see')
  expect(other.status()).toBe(200)
  expect((await other.body()).equals(png)).toBe(false)
})

test('a film nobody has rated says so, without an empty chart @same-without-js', async ({
  page,
}) => {
  await page.goto('/films/heavenly-slug')
  const ratings = page.getByRole('region', { name: 'Ratings' })
  await expect(ratings.getByText('No ratings yet')).toBeVisible()
  await expect(ratings.locator('svg')).toHaveCount(0)
  await expect(ratings.getByRole('table')).toHaveCount(0)
})

test('the not-found page has its own title and one search box, in the header', async ({ page }) => {
  const response = await page.goto('/films/no-such-film-at-all')
  expect(response?.status()).toBe(404)
  await expect(page).toHaveTitle('Page not found — Kinofront')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await expect(page.getByRole('search')).toHaveCount(1)
  await expect(page.getByRole('main').getByRole('link', { name: 'browse all films' })).toBeVisible()
})

test.describe('signed in', () => {
  test.use(asMember)

  test('"Delete account" is drawn unlike the buttons that save', async ({ page }) => {
    await page.goto('/settings')
    const danger = page.getByRole('button', { name: 'Delete account' })
    const save = page.getByRole('button', { name: 'Change password' })
    const look = (button: typeof danger) =>
      button.evaluate((b) => {
        const style = getComputedStyle(b)
        return { color: style.color, background: style.backgroundColor, border: style.borderColor }
      })
    const [deleting, saving] = await Promise.all([look(danger), look(save)])
    expect(deleting.color).not.toBe(saving.color)
    expect(deleting.background).not.toBe(saving.background)
    // Red text and border on the page's own background: outlined, not filled like Save.
    expect(deleting.border).toBe(deleting.color)
    expect(deleting.color).toMatch(/^rgb\((\d+), (\d+), (\d+)\)$/)
    const [r, g, b] = deleting.color.match(/\d+/g)!.map(Number)
    expect(r).toBeGreaterThan(g! + 80)
    expect(r).toBeGreaterThan(b! + 80)
  })
})
