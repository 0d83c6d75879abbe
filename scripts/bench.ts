import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { compareSizes, type LoadOptions } from './bench/http'
import { canonSize, cataloguePaths, filmPaths } from './bench/paths'
import { ratingActionLoad } from './bench/rating-action'
import {
  counterCost,
  filmIdOf,
  installWriteCounter,
  ratingAggregates,
  unexpectedScores,
} from './bench/rating-db'
import { goalLine, goalsOf, writePartialResults, writeResults } from './bench/report'
import { runBigCatalogue, runHttpScenarios } from './bench/scenarios'
import { DIARY_IDS, runDiaryScenarios, seedDiaryBench } from './bench/diary'
import { runSearchBench } from './bench/search'
import { benchMembers } from './bench/signed-in'
import { runSignUpFlood, type SignUpFlood } from './bench/sign-up-flood'
import { measureCspCost } from './bench/csp-cost'
import { distDir, ensureBuild, startServer, type RunningServer } from './bench/server'
import { runClusterScenarios } from './bench/cluster'
import { nodeProcessesOf } from './bench/memory'

const root = resolve(import.meta.dirname, '..')
const load: LoadOptions = {
  connections: 50,
  durationSec: Number(process.env.BENCH_DURATION) || 5,
  pairs: Number(process.env.BENCH_PAIRS) || 3,
}
const filmCount = Number(process.env.BENCH_FILMS) || 100_000
// BENCH_ONLY=film-member-view,personal-state,film-signed-in: only these rows of the HTTP table
// (each still beside the static file), printed and kept in bench/results/ but not BENCHMARKS.md;
// `cluster`: the rows through haproxy to 1 and 2 instances.
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null
const wanted = (id: string) => only === null || only.has(id)
const dir = mkdtempSync(join(tmpdir(), 'kinofront-bench-'))
const loadBefore = loadavg()[0]!
const buildId = () => readFileSync(join(root, distDir, 'BUILD_ID'), 'utf8').trim()
function buildChanged(since: string | undefined) {
  if (since === undefined) return false
  try {
    return buildId() !== since
  } catch {
    return true
  }
}

const CSP_PAGES = ['/', '/films', '/films?q=cranes', '/films/the-cranes-are-flying', '/signin']
const floodLine = ({ ratio, signUpsSent, accountsCreated }: SignUpFlood) =>
  `Under a sign-up flood (${signUpsSent} sent, ${accountsCreated} created): a member's sign-in ${ratio.signInMs.toFixed(2)}×, the catalogue search ${ratio.searchMs.toFixed(2)}× their quiet medians (goal 2×)`

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
  server = await startServer(root, dir, { port: Number(process.env.BENCH_PORT) || 0 })
  console.log(`Server answering at ${server.url} (log: ${server.logPath})`)
  const firstStart = { ms: server.startedInMs, ...(await canonSize(join(dir, 'bench.db'))) }
  console.log(`First start on an empty database: ${(firstStart.ms / 1000).toFixed(1)} s`)
  const sizes = await compareSizes(server.url)
  const members = await benchMembers(dir, load.connections)
  const benchDb = join(dir, 'bench.db')
  if (only !== null) {
    const diarySeed = DIARY_IDS.some(wanted) ? await seedDiaryBench(benchDb) : null
    const results = await runHttpScenarios(server.url, load, {
      members,
      cataloguePaths: await cataloguePaths(benchDb),
      wanted,
    })
    // The diary's rows come in pairs: each goal compares two of them.
    const diary =
      diarySeed && (await runDiaryScenarios(server.url, load, diarySeed, members, server.pid))
    if (diary) results.push(...diary.results)
    for (const goal of diary?.goals ?? []) console.log(goalLine(goal))
    // Two rows that are not HTTP load: the CSP's hashing cost, and the sign-up flood.
    const cspCost = wanted('csp-cost') ? await measureCspCost(server.url, CSP_PAGES) : undefined
    const signUpFlood = wanted('sign-up-flood')
      ? await runSignUpFlood(root, server.url, { floodSec: load.durationSec * 4 })
      : undefined
    if (cspCost) console.table(cspCost)
    if (signUpFlood) console.log(floodLine(signUpFlood))
    const memory = nodeProcessesOf(server.pid)
    await server.stop()
    server = undefined
    const cluster = wanted('cluster')
      ? await runClusterScenarios(root, dir, load, members)
      : undefined
    results.push(...(cluster?.results ?? []))
    const file = await writePartialResults(root, {
      date: new Date().toISOString(),
      only: [...only],
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg()[0]!,
      http: { ...load, results },
      ...(cspCost ? { cspCost } : {}),
      ...(signUpFlood ? { signUpFlood } : {}),
      memory: { server: memory, cluster: cluster?.memory ?? [] },
      propagation: cluster?.propagation,
      ...(diary ? { diary: { goals: diary.goals, cpu: diary.cpu } } : {}),
    })
    console.log(`\nResults of the scenarios asked for (BENCH_ONLY): ${file}`)
    rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  }
  const ratedFilm = await filmIdOf(benchDb, 'the-cranes-are-flying')
  const diarySeed = await seedDiaryBench(benchDb)
  const counter = await installWriteCounter(benchDb)
  const rating = await ratingActionLoad(root, {
    filmId: ratedFilm,
    path: '/films/the-cranes-are-flying',
    members,
    encoding: 'chromium',
  })
  const results = await runHttpScenarios(server.url, load, {
    members,
    cataloguePaths: await cataloguePaths(benchDb),
    rating,
    counter,
  })
  counter.close()
  const signUpFlood = await runSignUpFlood(root, server.url, { floodSec: load.durationSec * 4 })
  const cspCost = await measureCspCost(server.url, CSP_PAGES)
  const diary = await runDiaryScenarios(server.url, load, diarySeed, members, server.pid)
  results.push(...diary.results)
  const serverMemory = nodeProcessesOf(server.pid)
  await server.stop()
  server = undefined
  const aggregates = await ratingAggregates(benchDb, ratedFilm)
  if (!aggregates.exact) {
    throw new Error(`Rating counts drifted: ${JSON.stringify(aggregates.mismatches)}`)
  }
  const wrongScores = await unexpectedScores(benchDb, ratedFilm, rating.expectedScores())
  if (wrongScores.length > 0) {
    throw new Error(`Members' ratings are not what the bench sent: ${JSON.stringify(wrongScores)}`)
  }
  const cost = await counterCost(benchDb, { userId: members[0]!.id, filmId: ratedFilm })
  const cluster = await runClusterScenarios(root, dir, load, members)
  results.push(...cluster.results)

  const search = await runSearchBench(dir, filmCount)
  server = await startServer(root, dir, { database: 'search.db', name: 'server-big-catalogue' })
  console.log(`Server on the ${search.films} films answering at ${server.url}`)
  results.push(
    ...(await runBigCatalogue(server.url, await filmPaths(join(dir, 'search.db')), load)),
  )
  const bigCatalogueMemory = nodeProcessesOf(server.pid)
  await server.stop()
  server = undefined

  const http = { ...load, results }
  const goals = [...goalsOf(http), ...diary.goals]
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
      loadAverageAfter: loadavg()[0]!,
    },
    startScript: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start,
    firstStart,
    sizes,
    http,
    search,
    aggregates: { ...aggregates, members: members.length, counterCost: cost },
    signUpFlood,
    cspCost,
    cluster: { propagation: cluster.propagation },
    memory: {
      server: serverMemory,
      bigCatalogueServer: bigCatalogueMemory,
      cluster: cluster.memory,
    },
    goals,
  })
  console.log('')
  for (const goal of goals) console.log(goalLine(goal))
  console.log(floodLine(signUpFlood))
  console.log(`Ratings after the load: ${aggregates.ratings}; counts exact: ${aggregates.exact}`)
  console.log(`Results: ${file}, bench/results/latest.json and BENCHMARKS.md`)
  rmSync(dir, { recursive: true, force: true })
} catch (error) {
  console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : error}`)
  console.error(`Temporary files (server log, databases) are kept in ${dir}`)
  if (buildChanged(builtAs))
    console.error(`${distDir} changed during the run: something else ran \`next build\`.`)
  process.exitCode = 1
} finally {
  await server?.stop()
}
