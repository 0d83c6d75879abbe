import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import autocannon, { type Options, type Result } from 'autocannon'

export const STATIC_PATH = '/bench/static-sample.html'

/** What Chromium 156 sends in `accept-encoding`, for pages and for server actions alike. */
export const CHROMIUM_ENCODING = 'gzip, deflate, br, zstd'
export type Encoding = 'chromium' | 'identity'
export const acceptEncoding = (encoding: Encoding) =>
  encoding === 'chromium' ? CHROMIUM_ENCODING : 'identity'

/** How one scenario loads the server: everything autocannon needs besides the base URL and time. */
export type Load = {
  path: string
  encoding: Encoding
  /** Fresh options for each autocannon run (per-connection state lives in their setupClient). */
  options: () => Omit<Options, 'url' | 'connections' | 'duration' | 'amount'>
}

export type Sample = {
  requestsPerSec: number
  totalRequests: number
  durationSec: number
  latencyP50Ms: number
  latencyP99Ms: number
}

export type Pair = { static: Sample; scenario: Sample; ratio: number }

export type Probe = {
  status: number
  /** Bytes of the body as sent (compressed when the server compressed it). */
  wireBytes: number
  /** Bytes of the body once decoded. */
  bytes: number
  contentEncoding: string | null
  cacheHeader: string | null
  text: string
}

function decode(body: Buffer, encoding: string | null): Buffer {
  if (encoding === 'gzip') return gunzipSync(body)
  if (encoding === 'deflate') return inflateSync(body)
  if (encoding === 'br') return brotliDecompressSync(body)
  if (encoding === null || encoding === 'identity') return body
  throw new Error(`The server answered in an encoding the bench cannot read: ${encoding}`)
}

/** One request over plain HTTP, so the size on the wire and the encoding are seen as sent. */
export function probe(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const wire = Buffer.concat(chunks)
        const contentEncoding = res.headers['content-encoding'] ?? null
        const decoded = decode(wire, contentEncoding)
        const cache = res.headers['x-nextjs-cache']
        resolve({
          status: res.statusCode ?? 0,
          wireBytes: wire.byteLength,
          bytes: decoded.byteLength,
          contentEncoding,
          cacheHeader: typeof cache === 'string' ? cache : null,
          text: decoded.toString('utf8'),
        })
      })
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

function assertAllOk(result: Result, what: string) {
  const { non2xx, errors, timeouts } = result
  if (non2xx === 0 && errors === 0 && timeouts === 0) return
  const codes = Object.entries(result.statusCodeStats).map(([code, s]) => `${code}×${s.count}`)
  throw new Error(
    `${what}: ${non2xx} non-2xx, ${errors} errors, ${timeouts} timeouts (status codes: ${codes.join(' ')})`,
  )
}

// A slow page under 50 connections answers them almost in step, a round of 50 at a time; a
// per-request timeout shorter than a round would fail the run on a busy machine.
const TIMEOUT_SEC = 30

/** Warms a scenario up: `amount` requests over 10 connections, every one 2xx. Returns its req/s. */
export async function warmUp(baseUrl: string, load: Load, amount = 300) {
  const start = performance.now()
  const result = await autocannon({
    ...load.options(),
    url: baseUrl + load.path,
    connections: 10,
    amount,
    timeout: TIMEOUT_SEC,
  })
  assertAllOk(result, `Warm-up of ${load.path}`)
  return (result.requests.total * 1000) / (performance.now() - start)
}

/**
 * Sends `amount` requests over `connections` connections and waits for every answer (each must
 * be 2xx). A sample of a fixed number of requests has no requests cut off at its end: with 50
 * connections answered in step, a sample of fixed duration would drop up to one round of 50 from
 * a slow scenario's count, and leave their work to slow the next sample.
 */
export async function sample(
  baseUrl: string,
  load: Load,
  { connections, amount }: { connections: number; amount: number },
): Promise<Sample> {
  const start = performance.now()
  const result = await autocannon({
    ...load.options(),
    url: baseUrl + load.path,
    connections,
    amount,
    timeout: TIMEOUT_SEC,
  })
  const durationSec = (performance.now() - start) / 1000
  assertAllOk(result, `Load test of ${load.path} (${load.encoding})`)
  if (result.requests.total !== amount) {
    throw new Error(`Load test of ${load.path}: ${result.requests.total} of ${amount} answered`)
  }
  return {
    requestsPerSec: amount / durationSec,
    totalRequests: amount,
    durationSec,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
  }
}

/**
 * Waits until the server answers the static file quickly again (three times in a row under
 * `fastMs`), so that work a sample left behind (a revalidation, garbage collection) does not slow
 * the next one.
 */
export async function settle(baseUrl: string, { fastMs = 25, timeoutMs = 15_000 } = {}) {
  const deadline = Date.now() + timeoutMs
  for (let fast = 0; fast < 3;) {
    if (Date.now() > deadline) {
      console.warn(`\nWARNING: the server did not settle within ${timeoutMs / 1000} s`)
      return
    }
    const start = performance.now()
    await probe(baseUrl + STATIC_PATH, { headers: { 'accept-encoding': 'identity' } })
    fast = performance.now() - start < fastMs ? fast + 1 : 0
    if (fast === 0) await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Samples the static file and the scenario in turn, `pairs` times, alternating which goes first
 * (static, scenario | scenario, static | …) so that a change in the machine's load during the
 * run tilts neither side, and letting the server settle after each sample. Each sample asks for
 * as many requests as the load's last measured rate gives in about `durationSec` (at least two
 * per connection). `around` wraps each scenario sample (e.g. to count database writes).
 */
export async function interleave<Extra>(
  baseUrl: string,
  staticLoad: Load,
  load: Load,
  options: { connections: number; durationSec: number; pairs: number },
  around: (measure: () => Promise<Sample>) => Promise<{ sample: Sample; extra: Extra }> = async (
    measure,
  ) => ({ sample: await measure(), extra: undefined as Extra }),
): Promise<(Pair & { extra: Extra })[]> {
  const { connections, durationSec } = options
  const amountFor = (rate: number) =>
    Math.max(2, Math.round((rate * durationSec) / connections)) * connections
  let staticRate = await warmUp(baseUrl, staticLoad)
  let scenarioRate = await warmUp(baseUrl, load)
  const measureStatic = async () => {
    const result = await sample(baseUrl, staticLoad, { connections, amount: amountFor(staticRate) })
    staticRate = result.requestsPerSec
    await settle(baseUrl)
    return result
  }
  const measureScenario = async () => {
    const amount = amountFor(scenarioRate)
    const result = await around(() => sample(baseUrl, load, { connections, amount }))
    scenarioRate = result.sample.requestsPerSec
    await settle(baseUrl)
    return result
  }
  const pairs: (Pair & { extra: Extra })[] = []
  for (let i = 0; i < options.pairs; i++) {
    let staticSample: Sample
    let scenario: { sample: Sample; extra: Extra }
    if (i % 2 === 0) {
      staticSample = await measureStatic()
      scenario = await measureScenario()
    } else {
      scenario = await measureScenario()
      staticSample = await measureStatic()
    }
    pairs.push({
      static: staticSample,
      scenario: scenario.sample,
      ratio: scenario.sample.requestsPerSec / staticSample.requestsPerSec,
      extra: scenario.extra,
    })
  }
  return pairs
}
