// `npm run weight`: the scripts and stylesheets an anonymous visitor's browser loads on a film page
// (and `/`, `/films`), with the bytes the server sends for each, against the production build on
// a fresh database. A size, not a time: the machine's load does not change it. With no paths given,
// the totals replace the page weight section of BENCHMARKS.md.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { writeWeightSection } from './bench/benchmarks-page'
import { kb, measurePageWeight, weightTable, type PageWeight } from './bench/page-weight'
import { ensureBuild, startServer } from './bench/server'

const root = resolve(import.meta.dirname, '..')
const DEFAULT_PAGES = ['/films/the-cranes-are-flying', '/', '/films']
const PAGES = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_PAGES
const measured: { path: string; weight: PageWeight }[] = []

const dir = mkdtempSync(join(tmpdir(), 'kinofront-weight-'))
ensureBuild(root)
const server = await startServer(root, dir, { port: Number(process.env.BENCH_PORT) || 0 })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
})
try {
  for (const path of PAGES) {
    // The first visit renders and caches the page; the measured one gets what visitors then get.
    await (await fetch(server.url + path)).arrayBuffer()
    const context = await browser.newContext()
    const weight = await measurePageWeight(await context.newPage(), server.url + path)
    await context.close()
    measured.push({ path, weight })
    console.log(`\n${path}: ${kb(weight.scriptWireBytes)} of script sent\n`)
    console.log(weightTable(weight))
    if (weight.unusedStylesheets.length) {
      console.log(`Stylesheets with no rule used: ${weight.unusedStylesheets.join(', ')}`)
    }
    if (weight.preloadedUnusedStylesheets.length) {
      console.log(`Preloaded, not used: ${weight.preloadedUnusedStylesheets.join(', ')}`)
    }
  }
} finally {
  await browser.close()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}

if (PAGES === DEFAULT_PAGES) {
  const unused = (w: PageWeight) =>
    [...w.unusedStylesheets, ...w.preloadedUnusedStylesheets].map((p) => `\`${p}\``).join(', ') ||
    'none'
  await writeWeightSection(
    root,
    [
      '## Page weight (`npm run weight`)',
      '',
      `Run ${new Date().toISOString()}: what an anonymous visitor's browser is sent in Chromium, against the production build on a fresh database; bytes as sent (compressed). A size, not a time. Goal: at most 100 KB of script on the film page (tests/e2e/page-weight.spec.ts), no stylesheet loaded or preloaded and left unused. React and Next's runtime alone are about 117 KB with brotli, so a visitor gets the pages everyone shares and the catalogue without them (lib/server/visitor-page.ts); a member with JavaScript gets them whole.`,
      '',
      '| page | scripts | script KB | stylesheets KB | stylesheets unused |',
      '| --- | --- | --- | --- | --- |',
      ...measured.map(
        ({ path, weight: w }) =>
          `| \`${path}\` | ${w.files.filter((f) => f.kind === 'script').length} | ${kb(w.scriptWireBytes)} | ${kb(w.styleWireBytes)} | ${unused(w)} |`,
      ),
    ].join('\n'),
  )
  console.log('\nWrote the page weight section of BENCHMARKS.md')
}
