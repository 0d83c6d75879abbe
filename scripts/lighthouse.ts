// `npm run lighthouse`: audits the film page, `/` and `/films` with Lighthouse in Debian's
// Chromium, on mobile and desktop settings, three runs each, against the production build on a
// fresh database; writes every run to bench/results/ and the medians to BENCHMARKS.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig } from 'lighthouse'
import { writeLighthouseSection } from './bench/benchmarks-page'
import { median } from './bench/load'
import { ensureBuild, startServer } from './bench/server'

const root = resolve(import.meta.dirname, '..')
const RUNS = Number(process.env.LIGHTHOUSE_RUNS) || 3
const PAGES = ['/films/the-cranes-are-flying', '/', '/films']
const FORMS = ['mobile', 'desktop'] as const
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const GOALS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
}

type Run = {
  page: string
  form: (typeof FORMS)[number]
  scores: Record<(typeof CATEGORIES)[number], number>
  cls: number
  lcpMs: number
  tbtMs: number
  scriptKb: number
  failedAudits: string[]
}

const dir = mkdtempSync(join(tmpdir(), 'kinofront-lighthouse-'))
const loadBefore = loadavg()[0]!
ensureBuild(root)
const server = await startServer(root, dir, { port: Number(process.env.BENCH_PORT) || 0 })
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})

const runs: Run[] = []
try {
  for (const page of PAGES) {
    // The first visit renders and caches the page; the audits measure what visitors then get.
    await (await fetch(server.url + page)).arrayBuffer()
    for (const form of FORMS) {
      for (let i = 0; i < RUNS; i++) {
        const run = await audit(server.url + page, form)
        runs.push({ ...run, page, form })
        console.log(
          `${form.padEnd(7)} ${page.padEnd(32)} ${CATEGORIES.map((c) => `${c} ${run.scores[c]}`).join(', ')}, CLS ${run.cls}`,
        )
      }
    }
  }
} finally {
  chrome.kill()
  await server.stop()
}

const loadAfter = loadavg()[0]!
const date = new Date().toISOString()
const folder = join(root, 'bench/results')
mkdirSync(folder, { recursive: true })
const file = join(folder, `lighthouse-${date.replace(/:/g, '-')}.json`)
writeFileSync(file, `${JSON.stringify({ date, loadBefore, loadAfter, runs }, null, 2)}\n`)
await writeLighthouseSection(root, summary())
rmSync(dir, { recursive: true, force: true })
console.log(`Wrote ${file} and the Lighthouse section of BENCHMARKS.md`)

async function audit(url: string, form: Run['form']): Promise<Omit<Run, 'page' | 'form'>> {
  const result = await lighthouse(
    url,
    { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    form === 'desktop' ? desktopConfig : undefined,
  )
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  const { categories, audits } = result.lhr
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]),
  ) as Run['scores']
  const scriptBytes = (
    (
      audits['resource-summary']?.details as {
        items?: { resourceType: string; transferSize: number }[]
      }
    )?.items ?? []
  ).find((item) => item.resourceType === 'script')?.transferSize
  return {
    scores,
    cls: Number(audits['cumulative-layout-shift']?.numericValue?.toFixed(3) ?? NaN),
    lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
    tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
    scriptKb: Math.round((scriptBytes ?? 0) / 102.4) / 10,
    failedAudits: Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id),
  }
}

function summary() {
  const rows = PAGES.flatMap((page) =>
    FORMS.map((form) => {
      const mine = runs.filter((r) => r.page === page && r.form === form)
      const med = (pick: (r: Run) => number) => median(mine.map(pick))
      const failed = [...new Set(mine.flatMap((r) => r.failedAudits))]
      return `| \`${page}\` | ${form} | ${CATEGORIES.map((c) => med((r) => r.scores[c])).join(' | ')} | ${med((r) => r.cls)} | ${med((r) => r.lcpMs)} | ${med((r) => r.tbtMs)} | ${med((r) => r.scriptKb)} | ${failed.join(', ') || '—'} |`
    }),
  )
  return [
    '## Lighthouse (`npm run lighthouse`)',
    '',
    `Run ${date}: Lighthouse 12.8.2 in Debian's Chromium against the production build on a fresh database, medians of ${RUNS} runs per page and setting. Load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (2 cores; Performance falls with load).`,
    `Goals: Performance ≥ ${GOALS.performance}, Accessibility, Best Practices and SEO ${GOALS.accessibility}, CLS 0.`,
    '',
    '| page | setting | Performance | Accessibility | Best Practices | SEO | CLS | LCP ms | TBT ms | JS KB (compressed) | audits not passed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
}
