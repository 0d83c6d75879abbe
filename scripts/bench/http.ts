import autocannon, { type Result } from 'autocannon'
import type { ratingActionLoad } from './rating-action'

export const scenarios = [
  { id: 'static', label: 'Static file', path: '/bench/static-sample.html' },
  { id: 'film', label: 'Film page (anonymous)', path: '/films/the-cranes-are-flying' },
  {
    id: 'film-next',
    label: 'Film page, past the front cache',
    path: '/films/the-cranes-are-flying?via=next',
  },
  {
    id: 'film-signed-in',
    label: 'Film page, signed in (own rating, per request)',
    path: '/films/the-cranes-are-flying',
    signedIn: true,
  },
  {
    id: 'rate',
    label: 'Rating action, signed in (a new score each time)',
    path: '/films/the-cranes-are-flying',
    signedIn: true,
    rating: true,
  },
  {
    id: 'small-page',
    label: 'Sign-in page (a small page rendered per request)',
    path: '/signin',
  },
  { id: 'search', label: 'Catalogue search', path: '/films?q=zhuravli' },
  { id: 'home', label: 'Home page', path: '/' },
] as const

export type RatingLoad = Awaited<ReturnType<typeof ratingActionLoad>>

export type HttpResult = {
  id: string
  label: string
  path: string
  bytes: number
  cacheHeader: string | null
  requestsPerSec: number
  latencyP50Ms: number
  latencyP99Ms: number
  latencyAvgMs: number
  totalRequests: number
  ratioToStatic: number
}

export type HttpRun = { connections: number; durationSec: number; results: HttpResult[] }

async function fetchPage(url: string, cookie?: string) {
  const headers: Record<string, string> = { 'accept-encoding': 'identity' }
  if (cookie) headers.cookie = cookie
  const response = await fetch(url, { headers })
  const body = await response.arrayBuffer()
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
  if (cookie && !new TextDecoder().decode(body).includes('Your rating')) {
    throw new Error(`GET ${url} with a session did not show the member's own rating`)
  }
  return { bytes: body.byteLength, cacheHeader: response.headers.get('x-nextjs-cache') }
}

function assertAllOk(result: Result, what: string) {
  const { non2xx, errors, timeouts } = result
  if (non2xx === 0 && errors === 0 && timeouts === 0) return
  const codes = Object.entries(result.statusCodeStats).map(([code, s]) => `${code}×${s.count}`)
  throw new Error(
    `${what}: ${non2xx} non-2xx, ${errors} errors, ${timeouts} timeouts (status codes: ${codes.join(' ')})`,
  )
}

/** Page sizes of the static sample and the film page, with a warning when they differ much. */
export async function compareSizes(baseUrl: string) {
  const [staticPage, filmPage] = await Promise.all(
    [scenarios[0], scenarios[1]].map((s) => fetchPage(baseUrl + s.path)),
  )
  const difference = Math.abs(staticPage!.bytes - filmPage!.bytes) / filmPage!.bytes
  console.log(`Static sample: ${staticPage!.bytes} bytes; film page: ${filmPage!.bytes} bytes`)
  if (difference > 0.3) {
    console.warn(
      `WARNING: the static sample differs from the film page by ${Math.round(difference * 100)}%` +
        ' (more than 30%): resize public/bench/static-sample.html',
    )
  }
  return { staticBytes: staticPage!.bytes, filmBytes: filmPage!.bytes, difference }
}

export async function runHttpScenarios(
  baseUrl: string,
  {
    connections,
    durationSec,
    cookies,
    ratingLoad,
  }: { connections: number; durationSec: number; cookies: string[]; ratingLoad: RatingLoad },
): Promise<HttpRun> {
  const results: HttpResult[] = []
  for (const scenario of scenarios) {
    const url = baseUrl + scenario.path
    if ('rating' in scenario) {
      results.push(
        await runRatingAction(url, scenario, ratingLoad, { connections, durationSec }, results[0]),
      )
      continue
    }
    // Each connection of a signed-in scenario is a different member.
    let next = 0
    const setupClient =
      'signedIn' in scenario
        ? (client: { setHeaders: (headers: Record<string, string>) => void }) =>
            client.setHeaders({ cookie: cookies[next++ % cookies.length]! })
        : undefined
    assertAllOk(
      await autocannon({ url, connections: 10, amount: 300, setupClient }),
      `Warm-up of ${url}`,
    )
    const page = await fetchPage(url, 'signedIn' in scenario ? cookies[0] : undefined)
    process.stdout.write(`Loading ${scenario.path} for ${durationSec} s… `)
    const result = await autocannon({ url, connections, duration: durationSec, setupClient })
    assertAllOk(result, `Load test of ${url}`)
    const staticRate = results[0]?.requestsPerSec ?? result.requests.average
    results.push({
      ...scenario,
      ...page,
      requestsPerSec: result.requests.average,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      latencyAvgMs: result.latency.average,
      totalRequests: result.requests.total,
      ratioToStatic: result.requests.average / staticRate,
    })
    console.log(`${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms`)
  }
  return { connections, durationSec, results }
}

async function runRatingAction(
  url: string,
  scenario: (typeof scenarios)[number],
  load: RatingLoad,
  { connections, durationSec }: { connections: number; durationSec: number },
  staticResult: HttpResult | undefined,
): Promise<HttpResult> {
  const sample = load.sample()
  const response = await fetch(url, sample)
  const answer = await response.text()
  if (!response.ok || !answer.includes('"ok":true')) {
    throw new Error(`The rating action answered ${response.status}: ${answer.slice(0, 200)}`)
  }
  const requests = [{ setupRequest: load.setupRequest }]
  assertAllOk(
    await autocannon({ url, connections: 10, amount: 300, requests }),
    `Warm-up of the rating action`,
  )
  process.stdout.write(`Rating action at ${scenario.path} for ${durationSec} s… `)
  const result = await autocannon({ url, connections, duration: durationSec, requests })
  assertAllOk(result, 'Load test of the rating action')
  console.log(`${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms`)
  return {
    ...scenario,
    bytes: Buffer.byteLength(answer),
    cacheHeader: null,
    requestsPerSec: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyAvgMs: result.latency.average,
    totalRequests: result.requests.total,
    ratioToStatic: result.requests.average / (staticResult?.requestsPerSec ?? NaN),
  }
}
