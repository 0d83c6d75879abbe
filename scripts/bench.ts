import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { compareSizes, runHttpScenarios } from './bench/http'
import { goalsOf, writeResults } from './bench/report'
import { filmIdOf, ratingActionLoad, ratingAggregates } from './bench/rating-action'
import { runSearchBench } from './bench/search'
import { signedInCookies } from './bench/signed-in'
import { ensureBuild, startServer, type RunningServer } from './bench/server'

const root = resolve(import.meta.dirname, '..')
const durationSec = Number(process.env.BENCH_DURATION) || 10
const filmCount = Number(process.env.BENCH_FILMS) || 100_000
const dir = mkdtempSync(join(tmpdir(), 'kinofront-bench-'))
const loadBefore = loadavg()[0]!
const buildId = () => readFileSync(join(root, '.next/BUILD_ID'), 'utf8').trim()
function buildChanged(since: string | undefined) {
  if (since === undefined) return false
  try {
    return buildId() !== since
  } catch {
    return true
  }
}

let server: RunningServer | undefined
let builtAs: string | undefined

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    console.error(`\n${signal}: stopping the server (temporary files kept in ${dir})`)
    await server?.stop()
    process.exit(130)
  })
}

try {
  ensureBuild(root)
  builtAs = buildId()
  if (loadBefore > 0.5) {
    console.warn(
      `WARNING: the load average is already ${loadBefore.toFixed(2)}; numbers will be low`,
    )
  }
  console.log(`Temporary folder: ${dir}`)
  server = await startServer(root, dir)
  console.log(`Server answering at ${server.url} (log: ${server.logPath})`)
  const sizes = await compareSizes(server.url)
  const cookies = await signedInCookies(dir, 50)
  const benchDb = join(dir, 'bench.db')
  const ratedFilm = await filmIdOf(benchDb, 'the-cranes-are-flying')
  const ratingLoad = await ratingActionLoad(root, ratedFilm, cookies)
  const http = await runHttpScenarios(server.url, {
    connections: 50,
    durationSec,
    cookies,
    ratingLoad,
  })
  await server.stop()
  server = undefined
  const aggregates = await ratingAggregates(benchDb, ratedFilm)
  if (!aggregates.exact) {
    throw new Error(`Rating counts drifted: ${JSON.stringify(aggregates.mismatches)}`)
  }

  const search = await runSearchBench(dir, filmCount)
  const goals = goalsOf(http)
  const cpuList = cpus()
  const file = await writeResults(root, {
    date: new Date().toISOString(),
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageBefore: loadBefore,
    },
    startScript: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start,
    sizes,
    http,
    search,
    aggregates,
    goals,
  })
  console.log('')
  for (const goal of goals) {
    console.log(`${goal.label}: ${goal.measured.toFixed(2)}× the static file (goal ${goal.goal}×)`)
  }
  console.log(`Ratings after the load: ${aggregates.ratings}; counts exact: ${aggregates.exact}`)
  console.log(`Results: ${file}, bench/results/latest.json and BENCHMARKS.md`)
  rmSync(dir, { recursive: true, force: true })
} catch (error) {
  console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : error}`)
  console.error(`Temporary files (server log, databases) are kept in ${dir}`)
  if (buildChanged(builtAs))
    console.error('.next changed during the run: something else ran `next build`.')
  process.exitCode = 1
} finally {
  await server?.stop()
}
