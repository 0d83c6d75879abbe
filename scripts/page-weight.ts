// `npm run weight`: the scripts and stylesheets an anonymous visitor's browser loads on a film page
// (and `/`, `/films`), with the bytes the server sends for each, against the production build on
// a fresh database. A size, not a time: the machine's load does not change it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { kb, measurePageWeight, weightTable } from './bench/page-weight'
import { ensureBuild, startServer } from './bench/server'

const root = resolve(import.meta.dirname, '..')
const PAGES = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['/films/the-cranes-are-flying', '/', '/films']

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
