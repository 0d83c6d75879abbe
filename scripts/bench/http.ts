import type { Client, RawRequest } from 'autocannon'
import {
  acceptEncoding,
  interleave,
  median,
  probe,
  settle,
  STATIC_PATH,
  warmUp,
  type Encoding,
  type Load,
  type Pair,
  type Probe,
} from './load'
import type { installWriteCounter, Member, RatingActionLoad } from './rating-action'

const FILM_PATH = '/films/the-cranes-are-flying'

/**
 * The yardstick of every pair: the static file asked for without compression. Next gzips the
 * static file anew for every request that accepts it (the "compressed per request" row shows what
 * that costs); a slower yardstick would flatter every ratio, so compression shows in each page's
 * own rate instead.
 */
const yardstick = () => pageLoad(STATIC_PATH, 'identity')

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
  pairs: (Pair & { writes?: RatingWrites })[]
  /** Round robins: how many URLs there are, and how many requests (warm-up included) were sent. */
  urls?: number
  sent?: number
  /** The rating action: ratings changed while the samples ran, per second and in all. */
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

function checked(page: Probe, what: string, mustInclude?: string) {
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
  pairs: (Pair & { writes?: RatingWrites })[],
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

/** Warms up, probes and measures one scenario, interleaved with the static file. */
export async function measureScenario(
  baseUrl: string,
  scenario: { id: string; label: string; path: string },
  load: Load,
  options: LoadOptions,
  probePages: () => Promise<Probe[]>,
): Promise<HttpResult> {
  await warmUp(baseUrl, load)
  const pages = await probePages()
  process.stdout.write(`${scenario.label} [${load.encoding}], ${options.pairs} pairs… `)
  const pairs = await interleave(baseUrl, yardstick(), load, options)
  const result = summary(scenario, load, pages, pairs)
  report(result)
  return result
}

/** The scenarios served from the bundled catalogue's database. */
export async function runHttpScenarios(
  baseUrl: string,
  options: LoadOptions,
  {
    members,
    cataloguePaths,
    rating,
    counter,
  }: {
    members: Member[]
    cataloguePaths: string[]
    rating: RatingActionLoad
    counter: Awaited<ReturnType<typeof installWriteCounter>>
  },
): Promise<HttpResult[]> {
  const results: HttpResult[] = []
  await warmUp(baseUrl, yardstick())
  const get = (path: string, encoding: Encoding, cookie?: string) =>
    probe(baseUrl + path, {
      headers: { 'accept-encoding': acceptEncoding(encoding), ...(cookie ? { cookie } : {}) },
    })
  const single = async (
    scenario: { id: string; label: string; path: string },
    encoding: Encoding,
    signedIn = false,
  ) => {
    const load = pageLoad(scenario.path, encoding, signedIn ? members : undefined)
    const probePage = async () => [
      checked(
        await get(scenario.path, encoding, signedIn ? members[0]!.cookie : undefined),
        scenario.path,
        signedIn ? 'Your rating' : undefined,
      ),
    ]
    results.push(await measureScenario(baseUrl, scenario, load, options, probePage))
  }

  await single(
    { id: 'static', label: 'Static file, compressed per request', path: STATIC_PATH },
    'chromium',
  )
  await single(
    { id: 'film-hot', label: 'Film page, anonymous, one hot URL', path: FILM_PATH },
    'chromium',
  )
  await single(
    {
      id: 'film-next',
      label: 'Film page, anonymous, one URL past the front cache',
      path: `${FILM_PATH}?via=next`,
    },
    'chromium',
  )
  const catalogue = roundRobinLoad(cataloguePaths, 'chromium')
  const roundRobin = await measureScenario(
    baseUrl,
    {
      id: 'film-round-robin',
      label: 'Film and person pages, anonymous, round robin',
      path: `every /films/… and /people/… page (${cataloguePaths.length}) in turn`,
    },
    catalogue.load,
    options,
    async () => {
      const pages: Probe[] = []
      for (const path of cataloguePaths) pages.push(checked(await get(path, 'chromium'), path))
      return pages
    },
  )
  results.push({ ...roundRobin, urls: cataloguePaths.length, sent: catalogue.sent() })
  await single({ id: 'home', label: 'Home page, anonymous', path: '/' }, 'chromium')
  for (const encoding of ['chromium', 'identity'] as const) {
    await single(
      { id: 'film-signed-in', label: 'Film page, signed in (per request)', path: FILM_PATH },
      encoding,
      true,
    )
  }
  for (const encoding of ['chromium', 'identity'] as const) {
    await single(
      { id: 'small-page', label: 'Sign-in page (small, per request)', path: '/signin' },
      encoding,
    )
  }
  for (const encoding of ['chromium', 'identity'] as const) {
    await single(
      { id: 'search', label: 'Catalogue search (per request)', path: '/films?q=zhuravli' },
      encoding,
    )
  }
  // Last, as its writes invalidate the film's cached pages.
  results.push(await measureRating(baseUrl, options, rating, counter))
  return results
}

/**
 * Ratings changed during one sample: `during`, counted the moment the sample ended, and `settled`,
 * once the requests it cut off have finished too.
 */
export type RatingWrites = { during: number; settled: number }

/** Counts the ratings each sample changed, and checks that every completed request changed one. */
async function measureRating(
  baseUrl: string,
  options: LoadOptions,
  rating: RatingActionLoad,
  counter: Awaited<ReturnType<typeof installWriteCounter>>,
): Promise<HttpResult> {
  const { load } = rating
  const answer = await rating.check(baseUrl)
  await warmUp(baseUrl, load)
  process.stdout.write(`Rating action [${load.encoding}], ${options.pairs} pairs… `)
  const pairs = await interleave(baseUrl, yardstick(), load, options, async (measure) => {
    const before = await counter.read()
    const sample = await measure()
    const during = (await counter.read()) - before
    await settle(baseUrl)
    const settled = (await counter.read()) - before
    const completed = sample.totalRequests
    if (during < completed || settled > completed + options.connections) {
      throw new Error(
        `The rating load completed ${completed} requests and changed ${during} ratings while it ` +
          `ran, ${settled} once settled (expected at least ${completed}, at most ` +
          `${completed + options.connections} with the requests cut off at the end)`,
      )
    }
    return { sample, extra: { during, settled } }
  })
  const result = summary(
    { id: 'rate', label: 'Rating action, signed in (a new score each time)', path: load.path },
    load,
    [answer],
    pairs.map(({ extra, ...pair }) => ({ ...pair, writes: extra })),
  )
  const withWrites = {
    ...result,
    writes: pairs.reduce((total, p) => total + p.extra.during, 0),
    writesPerSec: median(pairs.map((p) => p.extra.during / p.scenario.durationSec)),
    writeRatioToStatic: median(
      pairs.map((p) => p.extra.during / p.scenario.durationSec / p.static.requestsPerSec),
    ),
  }
  report(withWrites)
  return withWrites
}

/** A different film of a big catalogue on every request (the server runs on that database). */
export async function runBigCatalogue(
  baseUrl: string,
  filmPaths: string[],
  options: LoadOptions,
): Promise<HttpResult> {
  await warmUp(baseUrl, yardstick())
  const films = roundRobinLoad(filmPaths, 'chromium')
  const result = await measureScenario(
    baseUrl,
    {
      id: 'film-big-catalogue',
      label: `Film page, anonymous, a different one of ${filmPaths.length.toLocaleString('en-US')} each request`,
      path: `/films/… (${filmPaths.length.toLocaleString('en-US')} films, in turn)`,
    },
    films.load,
    options,
    async () => {
      const pages: Probe[] = []
      for (const path of films.take(3)) {
        pages.push(
          checked(
            await probe(baseUrl + path, {
              headers: { 'accept-encoding': acceptEncoding('chromium') },
            }),
            path,
          ),
        )
      }
      return pages
    },
  )
  const sent = films.sent()
  if (sent > filmPaths.length) {
    console.warn(`WARNING: ${sent} requests for ${filmPaths.length} films: some were asked twice`)
  }
  return { ...result, urls: filmPaths.length, sent }
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
