import type { Page } from '@playwright/test'
import { createList } from './support/list-page'
import { asMember, expect, test } from './support/fixtures'

// No page may be wider than the screen it is read on, signed in or out: a long list title in the
// film page's "Add to list" picker once made it 505 px wide on a 390 px phone.
const WIDTHS = [320, 390, 768, 1280]

const PUBLIC_PAGES = [
  '/',
  '/films',
  '/films?q=the',
  '/films/the-cranes-are-flying',
  '/films/liberation',
  '/people/mikhail-kalatozov',
  '/decades',
  '/decades/1960s',
  '/signin',
  '/signup',
  '/no-such-page',
]
const MEMBER_PAGES = ['/lists', '/lists/new', '/watchlist', '/settings']

/** How far the page at its current width is wider than the screen, naming the widest element. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const wide = document.documentElement.scrollWidth - window.innerWidth
    if (wide <= 0) return null
    // Name the widest element, so a failure says what to fix.
    const shown = [...document.querySelectorAll('body *')].filter((el) => el.checkVisibility())
    const widest = shown.reduce<Element | null>(
      (best, el) =>
        el.getBoundingClientRect().right > (best?.getBoundingClientRect().right ?? 0) ? el : best,
      null,
    )
    return `${wide}px too wide (${widest?.tagName.toLowerCase()}.${widest?.className})`
  })
}

// The server sends the same HTML at every width, so each page is loaded once and laid out again
// at each width.
async function expectNoOverflow(page: Page, paths: string[]) {
  const found: Record<string, string> = {}
  for (const path of paths) {
    await page.setViewportSize({ width: WIDTHS[0]!, height: 844 })
    await page.goto(path)
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 })
      const tooWide = await overflow(page)
      if (tooWide) found[`${path} at ${width}px`] = tooWide
    }
  }
  expect(found).toEqual({})
}

test('signed out, no page is wider than the screen @js-only', async ({ page }) => {
  test.setTimeout(120_000)
  await expectNoOverflow(page, PUBLIC_PAGES)
})

test.describe('signed in', () => {
  test.use(asMember)

  test('no page is wider than the screen, a long list title included @js-only', async ({
    page,
    member,
  }) => {
    test.setTimeout(120_000)
    const title = `Widths ${Date.now()}: ${'Sixteen films of the Eastern Front, '.repeat(3)}`.slice(
      0,
      100,
    )
    const list = await createList(page, title)
    await expectNoOverflow(page, [
      ...PUBLIC_PAGES,
      ...MEMBER_PAGES,
      `/u/${member.username}`,
      list.path,
    ])
  })
})
