// The film page through haproxy to 1 and to 2 instances of the build (scripts/cluster/cluster.ts,
// as `npm run start:cluster` runs them, with Redis), on the bench's own database, and the peak
// memory of every process of each cluster after its load.
import { appendFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startCluster } from '../cluster/cluster'
import { checked, FILM_PATH, measureScenario, pageLoad, type HttpResult, type LoadOptions } from './http' // prettier-ignore
import { acceptEncoding, probe } from './load'
import { memoryOf, type ProcessMemory } from './memory'
import { measurePropagation, type Propagation } from './propagation'
import type { Member } from './rating-action'
import { filmIdOf } from './rating-db'
import { freePort } from './server'

export type ClusterRun = {
  results: HttpResult[]
  /** Per cluster size: each instance's memory after the load. */
  memory: { instances: number; processes: ProcessMemory[] }[]
  /** With 2 instances: a rating through the first, until the second's anonymous page has it. */
  propagation?: Propagation
}

// BENCH_CLUSTER_PORT=4340: haproxy, instances and Redis on fixed ports from there (+10…+29).
const FIXED_PORTS = Number(process.env.BENCH_CLUSTER_PORT) || 0
const PROPAGATION_FILM = 'come-and-see'
const PROPAGATION_WRITES = 7

export const CLUSTER_SIZES = [1, 2] as const

/** `dir` holds the bench database and the session secret the members' cookies are signed with. */
export async function runClusterScenarios(
  root: string,
  dir: string,
  load: LoadOptions,
  members: Member[],
): Promise<ClusterRun> {
  const run: ClusterRun = { results: [], memory: [] }
  for (const instances of CLUSTER_SIZES) {
    const logPath = join(dir, `cluster-${instances}.log`)
    const cluster = await startCluster({
      instances,
      port: FIXED_PORTS ? FIXED_PORTS + 10 * instances : await freePortRun(instances + 1),
      redisPort: FIXED_PORTS ? FIXED_PORTS + 10 * instances + 9 : await freePort(),
      databaseUrl: `file:${join(dir, 'bench.db')}`,
      authSecret: readFileSync(join(dir, 'auth-secret'), 'utf8').trim(),
      workDir: join(dir, `cluster-${instances}`),
      log: (line) => appendFileSync(logPath, `${line}\n`),
    })
    console.log(`haproxy to ${instances} instance(s) at ${cluster.url} (log: ${logPath})`)
    try {
      const through = `through haproxy to ${instances === 1 ? '1 instance' : `${instances} instances`}` // prettier-ignore
      const get = async (cookie?: string) =>
        probe(cluster.url + FILM_PATH, {
          headers: { 'accept-encoding': acceptEncoding('chromium'), ...(cookie && { cookie }) },
        })
      run.results.push(
        await measureScenario(
          cluster.url,
          { id: `cluster-${instances}-film`, label: `Film page, anonymous, ${through}`, path: FILM_PATH }, // prettier-ignore
          pageLoad(FILM_PATH, 'chromium'),
          load,
          async () => [checked(await get(), FILM_PATH)],
        ),
        await measureScenario(
          cluster.url,
          {
            id: `cluster-${instances}-film-signed-in`,
            label: `Film page, signed in without JavaScript, ${through}`,
            path: FILM_PATH,
          },
          pageLoad(FILM_PATH, 'chromium', members),
          load,
          async () => [checked(await get(members[0]!.cookie), FILM_PATH, 'Your rating')],
        ),
      )
      const processes = cluster.pids().map((pid, i) => memoryOf(pid, `app${i + 1} (server.ts)`))
      run.memory.push({ instances, processes: processes.filter((memory) => memory !== null) })
      if (instances === 2) {
        run.propagation = await measurePropagation(root, cluster.instanceUrls as [string, string], {
          path: `/films/${PROPAGATION_FILM}`,
          filmId: await filmIdOf(join(dir, 'bench.db'), PROPAGATION_FILM),
          // Members who rate no other film than the bench's own.
          writers: members.slice(-PROPAGATION_WRITES),
        })
      }
    } finally {
      await cluster.stop()
    }
  }
  return run
}

/** A port such that it and the `count - 1` after it are free (haproxy's, then each instance's). */
async function freePortRun(count: number) {
  for (let tries = 0; tries < 20; tries++) {
    const first = await freePort()
    const after = Array.from({ length: count - 1 }, (_, i) => isFree(first + 1 + i))
    if ((await Promise.all(after)).every(Boolean)) return first
  }
  throw new Error(`No run of ${count} free ports found`)
}

async function isFree(port: number) {
  const { createServer } = await import('node:net')
  return new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}
