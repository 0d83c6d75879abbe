// BENCHMARKS.md's section on several instances and on the servers' memory.
import { CLUSTER_SIZES, type ClusterRun } from './cluster'
import type { HttpRun } from './http'
import type { ProcessMemory } from './memory'

export type BenchMemory = {
  /** `npm start` on the bundled catalogue, after every scenario of the HTTP table ran on it. */
  server: ProcessMemory[]
  /** The second server, on the big catalogue, after its rows. */
  bigCatalogueServer?: ProcessMemory[]
  cluster: ClusterRun['memory']
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const mb = (n: number) => `${n.toFixed(0)} MB`

export function clusterSection(
  http: HttpRun,
  memory: BenchMemory | undefined,
  propagation: ClusterRun['propagation'],
) {
  const row = (id: string) => http.results.find((r) => r.id === id)
  const rows = CLUSTER_SIZES.flatMap(
    (n) =>
    [row(`cluster-${n}-film`), row(`cluster-${n}-film-signed-in`)]
      .filter((r) => r !== undefined)
      .map((r) => `| ${r.label} | ${int(r.requestsPerSec)} | ${int(r.staticPerSec)} | ${r.ratioToStatic.toFixed(3)}× | ${int(r.latencyP99Ms)} |`), // prettier-ignore
  )
  const processRows = (where: string, processes: ProcessMemory[] = []) =>
    processes.map((p) => `| ${where} | \`${p.name}\` | ${mb(p.peakRssMb)} | ${mb(p.rssMb)} |`)
  const memoryRows = memory
    ? [
        ...processRows('`npm start`, bundled catalogue', memory.server),
        ...processRows('`npm start`, big catalogue', memory.bigCatalogueServer),
        ...memory.cluster.flatMap((c) => processRows(`cluster of ${c.instances}`, c.processes)),
      ]
    : []
  return `## Several instances

\`scripts/cluster/cluster.ts\` (what \`npm run start:cluster -- N\` runs): N instances of \`server.ts\` behind haproxy
(round robin) with Redis sharing Next's cache, on the bench's database, its members' cookies valid on every
instance. The static file of each pair goes through haproxy too. Everything (load generator, haproxy, Redis, the
instances) shares the machine's CPUs, so a second instance can only add what the first left idle.

| scenario | req/s | static req/s (uncompressed) | vs static | p99 (ms) |
|---|---:|---:|---:|---:|
${rows.join('\n')}

${propagationText(propagation)}

## Memory

Each server process's peak resident memory (\`VmHWM\` in \`/proc/<pid>/status\`: the most it held since it
started), read after its load, and its resident memory at that moment.

| server | process | peak RSS | RSS after |
|---|---|---:|---:|
${memoryRows.join('\n')}

`
}

function propagationText(propagation: ClusterRun['propagation']) {
  if (!propagation) return ''
  const each = propagation.samples
    .map((s) => `${s.ms.toFixed(0)} ms (${s.staleAnswers} stale)`)
    .join(', ')
  return `A write through one instance, seen on the other (2 instances): a rating sent through the first as
Chromium sends it, then the second's anonymous \`${propagation.path}\` asked for every 20 ms until its count has
the rating, ${propagation.samples.length} times. From the action's answer to the first fresh page: median
**${propagation.medianMs.toFixed(0)} ms**, max **${propagation.maxMs.toFixed(0)} ms** (goal 1 s); each, with the stale answers the
second gave before it: ${each}.`
}
