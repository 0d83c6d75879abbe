import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { kb, measurePageWeight } from '../../scripts/bench/page-weight'
import { distDir } from '../../scripts/bench/server'
import { expect, test } from './support/fixtures'

// What an anonymous visitor's browser is sent (`npm run weight` prints it file by file). React
// and Next's runtime alone are about 117 KB compressed with brotli, above the issue's 100 KB; a
// visitor gets the shared pages and the catalogue without them (lib/server/visitor-page.ts), so
// a script creeping back onto those pages fails here.
const SCRIPT_BUDGET = 100 * 1024

for (const path of ['/films/the-cranes-are-flying', '/', '/people/mikhail-kalatozov', '/films']) {
  test(`@js-only the anonymous page ${path} is sent at most 100 KB of script`, async ({ page }) => {
    const weight = await measurePageWeight(page, path)
    const scripts = weight.files.filter((f) => f.kind === 'script')
    expect(
      weight.scriptWireBytes,
      `${kb(weight.scriptWireBytes)}: ${scripts.map((f) => `${f.path} ${kb(f.wireBytes)}`).join(', ')}`,
    ).toBeLessThanOrEqual(SCRIPT_BUDGET)
  })
}

test('@js-only every build script goes out compressed with brotli', async ({ page }) => {
  // The sign-in page keeps Next's runtime (lib/server/static-brotli.ts compresses it).
  const weight = await measurePageWeight(page, '/signin')
  const scripts = weight.files.filter((f) => f.kind === 'script')
  expect(scripts.length).toBeGreaterThan(0)
  expect(scripts.filter((f) => f.path.startsWith('/_next/static/') && f.encoding !== 'br')).toEqual(
    [],
  )
})

for (const path of ['/films/the-cranes-are-flying', '/', '/films']) {
  test(`@js-only ${path} loads and preloads no stylesheet it does not use`, async ({ page }) => {
    const weight = await measurePageWeight(page, path)
    expect(weight.files.some((f) => f.kind === 'stylesheet')).toBe(true)
    expect(weight.unusedStylesheets).toEqual([])
    expect(weight.preloadedUnusedStylesheets).toEqual([])
  })
}

test('no script of the build brings zod to the browser @same-without-js', () => {
  // Forms show the rules' limits from zod-free modules (lib/rules/list-limits.ts and the
  // like); the rules themselves, with zod, stay on the server.
  const chunks = join(distDir, 'static', 'chunks')
  const scripts = readdirSync(chunks).filter((name) => name.endsWith('.js'))
  expect(scripts.length).toBeGreaterThan(0)
  const withZod = scripts.filter((name) => readFileSync(join(chunks, name), 'utf8').includes('ZodError')) // prettier-ignore
  expect(withZod).toEqual([])
})
