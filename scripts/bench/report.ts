import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import type { HttpRun } from './http'
import type { SearchRun } from './search'

export type BenchResults = {
  date: string
  machine: {
    cpus: number
    cpuModel: string
    memoryGb: number
    node: string
    platform: string
    loadAverageBefore: number
  }
  startScript: string
  sizes: { staticBytes: number; filmBytes: number; difference: number }
  http: HttpRun
  search: SearchRun
  goal: { filmToStatic: number; measured: number; met: boolean }
}

export const FILM_TO_STATIC_GOAL = 0.45

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => n.toFixed(2)

export async function writeResults(root: string, results: BenchResults) {
  const folder = join(root, 'bench/results')
  mkdirSync(folder, { recursive: true })
  const json = `${JSON.stringify(results, null, 2)}\n`
  const stamp = results.date.replace(/:/g, '-')
  writeFileSync(join(folder, `${stamp}.json`), json)
  writeFileSync(join(folder, 'latest.json'), json)
  const page = join(root, 'BENCHMARKS.md')
  const options = await resolveConfig(page)
  writeFileSync(page, await format(markdown(results), { ...options, parser: 'markdown' }))
  return join(folder, `${stamp}.json`)
}

function markdown({ date, machine, startScript, sizes, http, search, goal }: BenchResults): string {
  const httpRows = http.results.map(
    (r) =>
      `| ${r.label} | \`${r.path}\` | ${int(r.requestsPerSec)} | ${int(r.latencyP50Ms)} | ${int(r.latencyP99Ms)} | ${int(r.bytes)} | ${r.ratioToStatic.toFixed(2)}× |`,
  )
  const searchRows = search.timings.map(
    (t) => `| ${t.label} | ${int(t.total)} | ${ms(t.medianMs)} | ${ms(t.p95Ms)} |`,
  )
  const customServer = startScript.includes('server.ts')
  const plans = search.explain.statements.flatMap((s) => ['```text', s.sql, ...s.plan, '```', ''])
  return `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); the raw numbers are in \`bench/results/latest.json\`.

## How it was run

- Date: ${date}
- Machine: ${machine.cpus} CPUs (\`nproc\`), ${machine.cpuModel}, ${machine.memoryGb} GB RAM, ${machine.platform}
- Node ${machine.node}; production build (\`next build\`), served by \`npm start\` (\`${startScript}\`) on a fresh
  temporary database
- Load: autocannon, ${http.connections} connections, ${http.durationSec} s per scenario, one scenario at a time,
  after a warm-up of 300 requests per URL; every response had to be 2xx
- The load generator runs on the same machine as the server, so both share the ${machine.cpus} CPUs. The 1-minute
  load average just before the run was ${machine.loadAverageBefore.toFixed(2)}${machine.loadAverageBefore > 0.5 ? ' (other work was running: read the ratios, not the absolute numbers)' : ''}.

## HTTP

Static sample \`public/bench/static-sample.html\`: ${int(sizes.staticBytes)} bytes; film page: ${int(sizes.filmBytes)} bytes (${Math.round(sizes.difference * 100)}% apart).

| scenario | URL | req/s (avg) | p50 latency (ms) | p99 latency (ms) | bytes per response | vs static file |
|---|---|---:|---:|---:|---:|---:|
${httpRows.join('\n')}

Goal: the anonymous film page serves at least ${goal.filmToStatic}× the static file's req/s.
Measured: ${goal.measured.toFixed(2)}× — **${goal.met ? 'met' : 'not met'}**.

## Search at ${int(search.films)} films

In-process \`searchCatalogue\` (db/catalogue.ts) on an embedded libSQL file holding the bundled catalogue plus
${int(search.synthetic)} synthetic films (years 1925–1990, one synthetic director each, \`film_search\` rows folded
like db/film-search-index.ts). Inserting them took ${(search.insertMs / 1000).toFixed(1)} s. Each query ran ${search.runs}
times after 3 warm-up runs; times include loading the page's directors.

| query | films found | median (ms) | p95 (ms) |
|---|---:|---:|---:|
${searchRows.join('\n')}

\`EXPLAIN QUERY PLAN\` for \`${new URLSearchParams(search.explain.params)}\` (one block per statement the search sends):

${plans.join('\n')}
## Design

- Film and person pages render on their first request and are then served from Next's in-memory ISR cache:
  \`generateStaticParams\` returns \`[]\`, \`revalidate = 3600\`, and \`experimental.isrFlushToDisk: false\`. The
  build needs no database, and anonymous film pages are served like prerendered pages.
${
  customServer
    ? `- \`npm start\` runs the custom server \`server.ts\`: it sends unknown film and person slugs to the not-found
  page (a slug, once found, stays known in memory, so existing pages cost no extra query).
`
    : ''
}- The home page and the catalogue (\`/films\`, search and filters) render per request.
- Signed-in views (a person's own rating on the same URL): \`proxy.ts\` will rewrite requests that carry a session
  cookie to a per-request variant of the page, so anonymous traffic keeps the cached page.
`
}
