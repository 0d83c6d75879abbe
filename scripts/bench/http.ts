import type { Client, RawRequest } from 'autocannon'
import {
  acceptEncoding,
  interleave,
  median,
  probe,
  STATIC_PATH,
  type Encoding,
  type Load,
  type Pair,
  type Probe,
} from './load'
import type { Member, RatingActionLoad } from './rating-action'
import type { installWriteCounter } from './rating-db'

export const FILM_PATH = '/films/the-cranes-are-flying'

/**
 * The yardstick of every pair: the static file asked for without compression. Next gzips the
 * static file anew for every request that accepts it (the "compressed per request" row shows what
 * that costs); a slower yardstick would flatter every ratio, so compression shows in each page's
 * own rate instead.
 */
export const yardstick = () => pageLoad(STATIC_PATH, 'identity')

export type LoadOptions = { connections: number; durationSec: number; pairs: number }

/** A scenario's figures: medians over its interleaved pairs, the pairs themselves kept too. */
export type HttpResult = {
  id: string
  label: string
  /** The URL, or a description of the URLs, loaded. */
  path: string
  encoding: Encoding
  /** Body bytes on the wire and decoded, as the bench's probe of the page received them. */
  wireBytes: number
  bytes: number
  contentEncoding: string | null
  requestsPerSec: number
  staticPerSec: number
  ratioToStatic: number
  latencyP50Ms: number
  latencyP99Ms: number
  pairs: (Pair & { writes?: number })[]
  /** Round robins: how many URLs there are, and how many requests (warm-up included) were sent. */
  urls?: number
  sent?: number
  /** The rating action: ratings changed by the samples, in all and (median) per second. */
  writes?: number
  writesPerSec?: number
  writeRatioToStatic?: number
}

export type HttpRun = LoadOptions & { results: HttpResult[] }

/** A GET of one URL; signed in, each connection is a different member. */
export function pageLoad(path: string, encoding: Encoding, members?: Member[]): Load {
  const headers = { 'accept-encoding': acceptEncoding(encoding) }
  let assigned = 0
  return {
    path,
    encoding,
    options: () => ({
      headers,
      setupClient: members
        ? (client: Client) =>
            client.setHeaders({ cookie: members[assigned++ % members.length]!.cookie })
        : undefined,
    }),
  }
}

/** GETs of `paths` in turn, each request the next one, carrying on from run to run. */
export function roundRobinLoad(paths: string[], encoding: Encoding) {
  let cursor = 0
  const nextPath = () => paths[cursor++ % paths.length]!
  const load: Load = {
    path: paths[0]!,
    encoding,
    options: () => ({
      headers: { 'accept-encoding': acceptEncoding(encoding) },
      requests: [{ setupRequest: (request: RawRequest) => ({ ...request, path: nextPath() }) }],
    }),
  }
  return {
    load,
    /** The next `count` paths, taken out of the rotation (to probe them). */
    take: (count: number) => Array.from({ length: count }, nextPath),
    sent: () => cursor,
  }
}

export function checked(page: Probe, what: string, mustInclude?: string) {
  if (page.status !== 200) throw new Error(`${what} answered ${page.status}`)
  if (mustInclude && !page.text.includes(mustInclude)) {
    throw new Error(`${what} did not include "${mustInclude}"`)
  }
  return page
}

function summary(
  scenario: { id: string; label: string; path: string },
  load: Load,
  pages: Probe[],
  pairs: (Pair & { writes?: number })[],
): HttpResult {
  const scenarioSamples = pairs.map((p) => p.scenario)
  return {
    ...scenario,
    encoding: load.encoding,
    wireBytes: median(pages.map((p) => p.wireBytes)),
    bytes: median(pages.map((p) => p.bytes)),
    contentEncoding: pages[0]?.contentEncoding ?? null,
    requestsPerSec: median(scenarioSamples.map((s) => s.requestsPerSec)),
    staticPerSec: median(pairs.map((p) => p.static.requestsPerSec)),
    ratioToStatic: median(pairs.map((p) => p.ratio)),
    latencyP50Ms: median(scenarioSamples.map((s) => s.latencyP50Ms)),
    latencyP99Ms: median(scenarioSamples.map((s) => s.latencyP99Ms)),
    pairs,
  }
}

const report = (result: HttpResult) =>
  console.log(
    `${Math.round(result.requestsPerSec)} req/s (static ${Math.round(result.staticPerSec)}), ` +
      `${result.ratioToStatic.toFixed(3)}× static, p99 ${result.latencyP99Ms} ms` +
      (result.writesPerSec === undefined ? '' : `, ${Math.round(result.writesPerSec)} writes/s`),
  )

/** Probes one scenario's pages, then warms it up and measures it interleaved with the static file. */
export async function measureScenario(
  baseUrl: string,
  scenario: { id: string; label: string; path: string },
  load: Load,
  options: LoadOptions,
  probePages: () => Promise<Probe[]>,
): Promise<HttpResult> {
  const pages = await probePages()
  process.stdout.write(`${scenario.label} [${load.encoding}], ${options.pairs} pairs… `)
  const pairs = await interleave(baseUrl, yardstick(), load, options)
  const result = summary(scenario, load, pages, pairs)
  report(result)
  return result
}

/**
 * Counts the ratings each sample changed, and checks that every request changed one: a sample
 * waits for every answer, so the count must equal the requests exactly.
 */
export async function measureRating(
  baseUrl: string,
  options: LoadOptions,
  rating: RatingActionLoad,
  counter: Awaited<ReturnType<typeof installWriteCounter>>,
): Promise<HttpResult> {
  const { load } = rating
  const answer = await rating.check(baseUrl)
  process.stdout.write(`Rating action [${load.encoding}], ${options.pairs} pairs… `)
  const pairs = await interleave(baseUrl, yardstick(), load, options, async (measure) => {
    const before = await counter.read()
    const sample = await measure()
    const writes = (await counter.read()) - before
    if (writes !== sample.totalRequests) {
      throw new Error(
        `The rating load's ${sample.totalRequests} requests changed ${writes} ratings: each should have changed one`,
      )
    }
    return { sample, extra: writes }
  })
  const result = summary(
    { id: 'rate', label: 'Rating action, signed in (a new score each time)', path: load.path },
    load,
    [answer],
    pairs.map(({ extra, ...pair }) => ({ ...pair, writes: extra })),
  )
  const withWrites = {
    ...result,
    writes: pairs.reduce((total, p) => total + p.extra, 0),
    writesPerSec: median(pairs.map((p) => p.extra / p.scenario.durationSec)),
    writeRatioToStatic: median(
      pairs.map((p) => p.extra / p.scenario.durationSec / p.static.requestsPerSec),
    ),
  }
  report(withWrites)
  return withWrites
}

/** Page sizes of the static sample and the film page, with a warning when they differ much. */
export async function compareSizes(baseUrl: string) {
  const [staticPage, filmPage] = await Promise.all(
    [STATIC_PATH, FILM_PATH].map((path) =>
      probe(baseUrl + path, { headers: { 'accept-encoding': 'identity' } }),
    ),
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
