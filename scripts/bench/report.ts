import type { CspCost } from './csp-cost'
import type { SignUpFlood } from './sign-up-flood'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeBenchPage } from './benchmarks-page'
import type { ClusterRun } from './cluster'
import { clusterSection, type BenchMemory } from './cluster-report'
import { cspCostSection, signUpFloodSection } from './security-report'
import type { HttpResult, HttpRun } from './http'
import { CHROMIUM_ENCODING, type Encoding } from './load'
import type { CounterCost, RatingAggregates } from './rating-db'
import type { SearchRun } from './search'
import type { CpuPerRequest } from './server-cpu'

export type BenchResults = {
  date: string
  machine: {
    cpus: number
    cpuModel: string
    memoryGb: number
    node: string
    platform: string
    loadAverageBefore: number
    loadAverageAfter: number
  }
  startScript: string
  /** From \`npm start\` on an empty database to the first answer: migrations, the canon, Next. */
  firstStart: { ms: number; films: number; people: number }
  sizes: { staticBytes: number; filmBytes: number; difference: number }
  http: HttpRun
  search: SearchRun
  aggregates: RatingAggregates & { members: number; counterCost: CounterCost }
  /** A member's sign-in and the catalogue search, quiet and under a sign-up flood. */
  signUpFlood?: SignUpFlood
  cspCost?: CspCost[]
  memory?: BenchMemory
  /** Through haproxy: the propagation of a write between instances (its rows are in http). */
  cluster?: { propagation?: ClusterRun['propagation'] }
  goals: Goal[]
}

export type Goal = {
  id: string
  label: string
  judgedOn: string
  goal: number
  measured: number
  met: boolean
}

/** "Film pages: 0.412× (goal 0.3×, met; judged on every film and person page in turn)" */
export const goalLine = (g: Goal) =>
  `${g.label}: ${g.measured.toFixed(3)}× (goal ${g.goal}×, ${g.met ? 'met' : 'not met'}; judged on ${g.judgedOn})`

const find = (http: HttpRun, id: string, encoding: Encoding = 'chromium') =>
  http.results.find((r) => r.id === id && r.encoding === encoding)

/** Each goal, as a share of the static file's req/s in the same interleaved pairs. */
const GOALS: (Omit<Goal, 'measured' | 'met'> & { of: (r: HttpResult) => number })[] = [
  {
    id: 'film-round-robin',
    label: 'Anonymous film page',
    judgedOn: 'every film and person page in turn',
    goal: 0.45,
    of: (r) => r.ratioToStatic,
  },
  {
    id: 'film-member-view',
    label: 'Signed-in film page with JavaScript',
    judgedOn: 'page views: the shared page and the personal request',
    goal: 0.45,
    of: (r) => r.ratioToStatic,
  },
  {
    id: 'film-signed-in',
    label: 'Signed-in film page without JavaScript',
    judgedOn: "the member's own page, rendered per request",
    goal: 0.05,
    of: (r) => r.ratioToStatic,
  },
  {
    id: 'rate',
    label: 'Rating action',
    judgedOn: 'ratings changed per second',
    goal: 0.05,
    of: (r) => r.writeRatioToStatic ?? 0,
  },
]

export function goalsOf(http: HttpRun): Goal[] {
  return GOALS.map(({ of, ...goal }) => {
    const measured = of(find(http, goal.id)!)
    return { ...goal, measured, met: measured >= goal.goal }
  })
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const times = (n: number) => `${n.toFixed(3)}×`
const ms = (n: number) => n.toFixed(2)

export async function writeResults(root: string, results: BenchResults) {
  const folder = join(root, 'bench/results')
  mkdirSync(folder, { recursive: true })
  const json = `${JSON.stringify(results, null, 2)}\n`
  const stamp = results.date.replace(/:/g, '-')
  writeFileSync(join(folder, `${stamp}.json`), json)
  writeFileSync(join(folder, 'latest.json'), json)
  await writeBenchPage(root, markdown(results))
  return join(folder, `${stamp}.json`)
}

/** A run of some scenarios only (BENCH_ONLY): kept beside the full runs, BENCHMARKS.md untouched. */
export async function writePartialResults(
  root: string,
  results: {
    date: string
    only: string[]
    loadAverageBefore: number
    loadAverageAfter: number
    http: HttpRun
    cspCost?: CspCost[]
    signUpFlood?: SignUpFlood
    memory?: BenchMemory
    propagation?: ClusterRun['propagation']
    diary?: { goals: Goal[]; cpu: CpuPerRequest[] }
  },
) {
  const folder = join(root, 'bench/results')
  mkdirSync(folder, { recursive: true })
  const file = join(folder, `${results.date.replace(/:/g, '-')}-only.json`)
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  return file
}

function markdown(results: BenchResults): string {
  const { date, machine, startScript, firstStart, sizes, http, search, aggregates, goals } = results
  const wire = (r: HttpResult) =>
    r.contentEncoding
      ? `${int(r.wireBytes)} (${r.contentEncoding}) / ${int(r.bytes)}`
      : int(r.bytes)
  const httpRows = http.results.map(
    (r) =>
      `| ${r.label} | ${r.encoding === 'chromium' ? "Chromium's" : '`identity`'} | ${int(r.requestsPerSec)} | ${int(r.staticPerSec)} | ${times(r.ratioToStatic)} | ${int(r.latencyP50Ms)} | ${int(r.latencyP99Ms)} | ${wire(r)} |`,
  )
  const urlRows = http.results
    .filter((r, i) => http.results.findIndex((other) => other.label === r.label) === i)
    .map((r) => `| ${r.label} | ${r.path.startsWith('/') ? `\`${r.path}\`` : r.path} |`)
  const ratio = (id: string, encoding: Encoding = 'chromium') =>
    times(find(http, id, encoding)!.ratioToStatic)
  const rate = find(http, 'rate')!
  const roundRobin = find(http, 'film-round-robin')!
  const big = find(http, 'film-big-catalogue')!
  const rateRows = rate.pairs.map(
    (p, i) =>
      `| ${i + 1} | ${int(p.static.requestsPerSec)} | ${int(p.scenario.requestsPerSec)} | ${int((p.writes ?? 0) / p.scenario.durationSec)} | ${int(p.scenario.totalRequests)} | ${int(p.writes ?? 0)} |`,
  )
  const compression = ['film-signed-in', 'small-page', 'search'].map((id) => {
    const gzip = find(http, id, 'chromium')!
    const plain = find(http, id, 'identity')!
    return `| ${gzip.label} | ${int(gzip.requestsPerSec)} | ${int(plain.requestsPerSec)} | ${(gzip.requestsPerSec / plain.requestsPerSec).toFixed(2)} | ${times(gzip.ratioToStatic)} | ${times(plain.ratioToStatic)} | ${int(gzip.wireBytes)} / ${int(plain.wireBytes)} |`
  })
  const gzippedStatic = find(http, 'static')!
  const cost = aggregates.counterCost
  const searchRows = search.timings.map(
    (t) => `| ${t.label} | ${int(t.total)} | ${ms(t.medianMs)} | ${ms(t.p95Ms)} |`,
  )
  const plans = search.explain.flatMap(({ params, statements }) => [
    `\`EXPLAIN QUERY PLAN\` for \`${new URLSearchParams(params)}\` (one block per statement the search sends):`,
    '',
    ...statements.flatMap((s) => ['```text', s.sql, ...s.plan, '```', '']),
  ])
  const busy = Math.max(machine.loadAverageBefore, machine.loadAverageAfter) > 0.5
  return `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); the raw numbers, every sample included, are in
\`bench/results/latest.json\`.

## First start

\`npm start\` on an empty database, until it answers: migrations, loading the canon
(${int(firstStart.films)} films, ${int(firstStart.people)} people, every source) and the curated list, and
starting Next: **${(firstStart.ms / 1000).toFixed(1)} s** (goal: under 5 s${firstStart.ms < 5000 ? ', met' : ', **not met**'}).

## How it was run

- Date: ${date}
- Machine: ${machine.cpus} CPUs (\`nproc\`), ${machine.cpuModel}, ${machine.memoryGb} GB RAM, ${machine.platform}
- Node ${machine.node}; production build (\`next build\`), served by \`npm start\`
  (\`${startScript}\`) on a fresh temporary database holding the bundled catalogue; for the
  big-catalogue row, by a second server on the database of the search section below (${int(search.films)} films).
- Load: autocannon, ${http.connections} connections. Each row is ${http.pairs} pairs of samples, the static file and
  the scenario in turn, alternating which goes first (static, scenario; scenario, static; …), so a burst of other
  work on the machine tilts neither side. A sample is a number of requests chosen from the last rate measured to
  take about ${http.durationSec} s (at least two per connection), and it waits for every answer: a slow page answers 50
  connections almost in step, so a sample of fixed duration would drop up to a round of 50 from its count and leave
  their work to slow the next sample. After each sample the bench waits until the server answers the static file
  quickly again. Figures are medians over the pairs: req/s of each side, and the median of the per-pair ratios
  ("vs static"). Before its pairs each load was warmed up (300 requests over 10 connections); every response had
  to be 2xx.
- Compression: a row marked Chromium sends \`accept-encoding: ${CHROMIUM_ENCODING}\` as Chromium does; a row marked
  identity asks for no compression. The server answers Chromium with gzip (Next's own compression; it offers
  neither br nor zstd). The yardstick of every pair is the static file asked for **without** compression: Next
  gzips the static file anew on every request that accepts it (the row "Static file, compressed per request"), and
  a slower yardstick would flatter every ratio.
- The load generator runs on the same machine as the server, so both share the ${machine.cpus} CPUs. The
  1-minute load average was ${machine.loadAverageBefore.toFixed(2)} before the run and ${machine.loadAverageAfter.toFixed(2)} after it${busy ? ' (other work was running: read the ratios, not the absolute numbers)' : ''}.

## HTTP

Static sample \`public/bench/static-sample.html\`: ${int(sizes.staticBytes)} bytes; film page: ${int(sizes.filmBytes)} bytes (${Math.round(sizes.difference * 100)}% apart, uncompressed).

| scenario | accept-encoding | req/s | static req/s (uncompressed) | vs static | p50 (ms) | p99 (ms) | body bytes (sent / decoded) |
|---|---|---:|---:|---:|---:|---:|---:|
${httpRows.join('\n')}

| scenario | URL |
|---|---|
${urlRows.join('\n')}

What the rows measure:

- **One hot URL**: the same film page on every request. \`server.ts\` keeps an anonymous page that Next served from
  its cache for one second (\`lib/response-cache.ts\`), so about one request a second (per URL and
  \`accept-encoding\`) reaches Next and the rest are copies from memory. It shows the front cache, not what a
  visitor of a large catalogue gets.
- **Past the front cache**: the same URL with a query string, which the front cache never keeps: Next's router and
  its in-memory ISR cache on every request.
- **Round robin**: each request the next of the catalogue's ${roundRobin.urls} film and person pages. With ${roundRobin.urls} URLs and a
  one-second front cache, about ${roundRobin.urls} requests a second reach Next; the rest are still front-cache copies.
- **A different film each request**: ${int(big.sent ?? 0)} requests (warm-up included) for ${int(big.urls ?? 0)} films, none asked for twice, so
  every request is a page Next has not rendered yet in this run and renders it once (the ISR cache's miss path). This
  is what a crawler or the long tail of a big catalogue costs; a popular page costs what the round robin shows.
- **Signed in without JavaScript**: 50 members (one per connection), the per-request page with the member's own
  rating (what a browser without the member-view cookie of \`lib/member-view.ts\` gets).
- **Signed in with JavaScript**: 50 members, each connection one member whose browser has the member-view cookie,
  asking for the shared film page (the front cache's copy, the same for everyone) and then its personal request
  (\`server.ts\` answers it before Next: session check and the member's state as JSON), in turn; req/s and the
  ratio count page views, i.e. half the requests. The personal request is also measured alone.
- **Rating action**: below.

## Goals

| goal | at least | judged on | measured | |
|---|---:|---|---:|---|
${goals.map((g) => `| ${g.label} | ${g.goal}× | ${g.judgedOn} | ${times(g.measured)} | **${g.met ? 'met' : 'not met'}** |`).join('\n')}

The anonymous film page goal is judged on the round robin. For comparison, the one hot URL
measured ${ratio('film-hot')}, Next's own cached path (past the front cache) ${ratio('film-next')}, and a different
film of ${int(big.urls ?? 0)} on every request ${ratio('film-big-catalogue')}.

## Rating action: what was written

The request Chromium sends when a member chooses a star (\`Next-Action\` header, the arguments encoded by React's
\`encodeReply\`, \`accept-encoding\` as Chromium's), to \`rateFilm\` (app/actions/ratings.ts). Each of the
${http.connections} connections is one member, kept per connection (autocannon's \`setupClient\`); every request
gives a score different from that member's previous one, so every request changes a row
(\`saveRating\` writes only on a change). The bench counted the rows really changed: on its own database it added a
counter table and triggers on \`ratings\` (one more for each insert, and for each update whose score differs), read
before and after each sample. A sample waits for all its answers, so the run stops unless every sample changed
exactly as many ratings as it sent requests.

| pair | static req/s | requests/s | ratings changed/s | requests | ratings changed |
|---:|---:|---:|---:|---:|---:|
${rateRows.join('\n')}

Medians: ${int(rate.requestsPerSec)} requests/s and ${int(rate.writesPerSec ?? 0)} ratings changed/s
(${int(rate.writes ?? 0)} changed in all by the samples), ${times(rate.writeRatioToStatic ?? 0)} the static file's req/s.
Each answer (the new state plus the film page's server-component payload, no HTML) was ${int(rate.wireBytes)} bytes
sent, ${int(rate.bytes)} decoded.

The counter's own cost, timed in-process on the same database after the load (${cost.writes} single-row
updates, each in its own transaction, three rounds with and three without the counter's triggers, medians):
${ms(cost.withCounterMs)} ms a write with the counter, ${ms(cost.withoutCounterMs)} ms without.

After the load the trigger-kept counts and per-film totals were compared with a fresh count over \`ratings\`:
${aggregates.ratings} ratings of the film by the ${aggregates.members} members, ${aggregates.exact ? '**every count exact**' : `**${aggregates.mismatches.length} counts wrong**`}; and every
member's rating was the last score the bench sent them.

## Compression

The pages rendered per request, each measured asking for gzip as Chromium does and asking for no compression:

| page | req/s, gzip | req/s, identity | gzip ÷ identity | vs static, gzip | vs static, identity | bytes sent, gzip / identity |
|---|---:|---:|---:|---:|---:|---:|
${compression.join('\n')}

Every "vs static" here is against the same uncompressed static file, so the two columns compare directly. The
static file itself, gzipped by Next on every request, measured ${int(gzippedStatic.requestsPerSec)} req/s,
${times(gzippedStatic.ratioToStatic)} the uncompressed one (${int(gzippedStatic.wireBytes)} bytes sent instead of ${int(gzippedStatic.bytes)}). Pages served from the
front cache do not pay this per request: it keeps the gzipped copy Next made.

## Search at ${int(search.films)} films

In-process \`searchCatalogue\` (db/catalogue.ts) on an embedded libSQL file holding the bundled catalogue plus
${int(search.synthetic)} synthetic films (years 1925–1990, one synthetic director each, \`film_search\` rows folded
like db/film-search-index.ts). Inserting them took ${(search.insertMs / 1000).toFixed(1)} s. Then ${int(search.ratings)} synthetic
ratings (2,000 members, skewed towards some films) were inserted into \`ratings\`, through its triggers, in
${(search.ratingsInsertMs / 1000).toFixed(1)} s. Each query ran ${search.runs} times after 3 warm-up runs; times include
loading the page's directors and rating totals.

| query | films found | median (ms) | p95 (ms) |
|---|---:|---:|---:|
${searchRows.join('\n')}

${plans.join('\n')}
${clusterSection(http, results.memory, results.cluster?.propagation)}${signUpFloodSection(results.signUpFlood)}${cspCostSection(results.cspCost)}## Design

- Film and person pages render on their first request and are then served from Next's in-memory ISR cache:
  \`generateStaticParams\` returns \`[]\`, \`revalidate = 3600\`, and \`experimental.isrFlushToDisk: false\` (a
  restarted server never shows pages cached from another database). The build needs no database.
- \`npm start\` runs \`server.ts\`, a small Node server in front of Next. It keeps each anonymous film or person page
  that Next served from its cache for one second (\`lib/response-cache.ts\`), so a burst of requests for one page
  costs one pass through Next's router per second; a request with a cookie, a query string or a client-navigation
  header always goes to Next. In this run one hot URL measured ${ratio('film-hot')} the static file, the same
  URL past the front cache ${ratio('film-next')}, and a different film on every request, which neither cache
  helps, ${ratio('film-big-catalogue')}. The same server answers unknown slugs with the full not-found page and HTTP 404 (a
  page that calls \`notFound()\` is sent by Next 16.4 as an empty shell that only JavaScript fills in; doing this check
  in \`proxy.ts\` cost about 40% of film-page throughput).
- The home page is the featured curated list, cached like a film page (\`/\` is rewritten to \`/curated/[slug]\` in
  \`next.config.ts\`). The catalogue (\`/films\`, search and filters) renders per request.
- Signed-in views (a person's own rating on the same URL): requests that carry a session cookie bypass the front
  cache and are rewritten by a \`next.config.ts\` rule matching the cookie (no proxy function on the hot path) to a
  per-request variant of the page, so anonymous traffic keeps the cached page. The session cookie is decoded once
  per request (\`currentSession\` in lib/viewer.ts), not re-encoded by \`auth()\` for each component that asks.
- Why the signed-in film page stays below its goal: even a small page that Next renders per request barely reaches
  it. The sign-in page (15 KB, one form, no database read) measured ${ratio('small-page')} in this run
  (gzip; ${ratio('small-page', 'identity')} uncompressed). In an earlier, separate run (uncompressed, one 6-second sample per page beside the static file)
  the same page measured 0.073×, the same small page for a signed-in member 0.054× (decoding the session and checking
  its version cost about 1 ms) and the signed-in film page 0.024×, so the film's own content (38 KB of HTML plus the
  React payload that hydrates it) is the rest. Profiles show no single cost to remove: database and session work
  together are under 20% of the server's CPU; the rest is React rendering the page twice (server components, then
  HTML), Next's request handling and garbage collection. Reaching 0.10× would mean serving the cached page and
  splicing the member's own controls into it outside React, a second rendering of those controls kept in step by
  hand; Cache Components' partial prerendering measured slower than a plain per-request page
  (../shared/STACK.md). We chose neither.
- The rating action writes one row (triggers update the film's count and totals in the same statement), then
  \`invalidate.filmRatings\` revalidates the film's path, so its answer carries the film page's server-component
  payload rendered afresh. An earlier version of this bench reported 0.08× for it: it sent each member the same
  score on every request, so after the warm-up nothing was written and nothing revalidated.
`
}
