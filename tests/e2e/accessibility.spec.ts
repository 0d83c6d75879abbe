import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe'

const PAGES = ['/', '/films', '/films?q=zzzz', '/films/liberation', '/films/the-cranes-are-flying', '/people/elem-klimov', '/films/no-such-film'] // prettier-ignore

// One load per page, scanned in each colour scheme: the scheme changes only the colours.
for (const path of PAGES) {
  test(`axe finds no violations on ${path}, light and dark @js-only`, async ({ page }) => {
    const background = () => page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor) // prettier-ignore
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(path)
    await expectNoAxeViolations(page)
    const light = await background()
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await background()).not.toBe(light)
    await expectNoAxeViolations(page)
  })
}

test('headings go down one level at a time on the film page @same-without-js', async ({ page }) => {
  await page.goto('/films/liberation')
  const levels = await page
    .locator('h1, h2, h3, h4')
    .evaluateAll((nodes) => nodes.map((n) => Number(n.tagName[1])))
  expect(levels[0]).toBe(1)
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1)
})

test('keyboard users can skip to the content and see where focus is @same-without-js', async ({
  page,
}) => {
  await page.goto('/films/liberation')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#main$/)
})

test('the layout holds at 320 px without sideways scrolling @same-without-js', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 })
  for (const path of ['/', '/films', '/films/liberation']) {
    await page.goto(path)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow, path).toBeLessThanOrEqual(0)
  }
})
