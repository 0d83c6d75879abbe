// npm run start:cluster -- [instances] : the production build as N instances (default 2) behind
// haproxy on PORT (default 3000), instances on PORT+1…, sharing DATABASE_URL and a redis-server
// on REDIS_PORT (default 6390; `--no-redis` for none). Needs `npm run build` first.
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startCluster } from './cluster/cluster'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-redis': { type: 'boolean', default: false } },
})
const instances = Number(positionals[0] ?? 2)
if (!Number.isInteger(instances) || instances < 1) {
  console.error('Usage: npm run start:cluster -- [instances] [--no-redis]')
  process.exit(2)
}
execFileSync('sh', ['scripts/ensure-cluster-tools.sh'], { stdio: 'inherit' })

// The cluster's own settings, read here rather than through config.ts: it runs no app code.
const env = process.env
const port = Number(env.PORT ?? 3000)
const cluster = await startCluster({
  instances,
  port,
  redisPort: values['no-redis'] ? null : Number(env.REDIS_PORT ?? 6390),
  databaseUrl: env.DATABASE_URL ?? 'file:data/kinofront.db',
  authSecret: env.AUTH_SECRET,
  workDir: join(tmpdir(), `kinofront-cluster-${port}`),
  log: (line) => console.log(line),
})
console.log(`Kinofront: ${instances} instances behind haproxy at ${cluster.url}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cluster.stop().then(() => process.exit(0)))
}
