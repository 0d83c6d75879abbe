import { kb, measurePageWeight } from '../../scripts/bench/page-weight'
import { expect, test } from './support/fixtures'

// What an anonymous visitor's browser is sent (`npm run weight` prints it file by file). React
// and Next's runtime alone are about 114 KB of it, compressed with brotli: the issue's goal of
// 100 KB is below that floor. This budget is the floor plus the page's own code, so that member-only
// code or a library creeping back onto the page fails here.
const FILM_PAGE_SCRIPT_BUDGET = 128 * 1024

test('@js-only the anonymous film page is sent at most 128 KB of script, all of it compressed', async ({
  page,
}) => {
  const weight = await measurePageWeight(page, '/films/the-cranes-are-flying')
  const scripts = weight.files.filter((f) => f.kind === 'script')
  expect(scripts.length).toBeGreaterThan(0)
  expect(
    weight.scriptWireBytes,
    `${kb(weight.scriptWireBytes)}: ${scripts.map((f) => `${f.path} ${kb(f.wireBytes)}`).join(', ')}`,
  ).toBeLessThanOrEqual(FILM_PAGE_SCRIPT_BUDGET)
  // Every build script goes out compressed with brotli (lib/server/static-brotli.ts).
  expect(scripts.filter((f) => f.path.startsWith('/_next/static/') && f.encoding !== 'br')).toEqual(
    [],
  )
  // The member's controls (rating form, watchlist, lists, diary) are not among them.
  await expect(page.getByRole('link', { name: 'Sign in to rate' })).toBeVisible()
})

for (const path of ['/films/the-cranes-are-flying', '/']) {
  test(`@js-only ${path} loads and preloads no stylesheet it does not use`, async ({ page }) => {
    const weight = await measurePageWeight(page, path)
    expect(weight.files.some((f) => f.kind === 'stylesheet')).toBe(true)
    expect(weight.unusedStylesheets).toEqual([])
    expect(weight.preloadedUnusedStylesheets).toEqual([])
  })
}
