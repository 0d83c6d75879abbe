// A local cluster of the production build: N instances of server.ts behind haproxy (round robin,
// no stickiness), on one database, with or without a redis-server. Used by `npm run
// start:cluster` and the cluster tests.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export type ClusterOptions = {
  instances: number
  /** haproxy listens here; instance i on port + i. */
  port: number
  /** Start a redis-server on this port and give the instances REDIS_URL; null: no Redis. */
  redisPort: number | null
  databaseUrl: string
  /** Shared by every instance; unset: the embedded database's own (lib/auth-secret.ts). */
  authSecret?: string
  /** Where haproxy's configuration (and Redis's working files) go. */
  workDir: string
  /** Extra environment for the instances. */
  env?: Record<string, string>
  /** Each process's output goes here, a line at a time, prefixed with its name. */
  log?: (line: string) => void
}

export type Cluster = {
  url: string
  instanceUrls: string[]
  /** The instances' process ids, in order. */
  pids: () => number[]
  stop: () => Promise<void>
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { instances, port, redisPort, workDir, log = () => {} } = options
  mkdirSync(workDir, { recursive: true })
  const children: ChildProcess[] = []
  const stop = () => stopAll(children)
  try {
    if (redisPort !== null) {
      children.push(
        run('redis', redisServer(), ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', workDir], {}, log), // prettier-ignore
      )
      await waitFor(() => redisAnswers(redisPort), `redis-server on ${redisPort}`)
    }
    const url = `http://127.0.0.1:${port}`
    const instanceUrls = Array.from({ length: instances }, (_, i) => `http://127.0.0.1:${port + 1 + i}`) // prettier-ignore
    const env = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      ...(options.authSecret && { AUTH_SECRET: options.authSecret }),
      TRUST_PROXY: 'true',
      SITE_URL: url,
      NEXT_TELEMETRY_DISABLED: '1',
      ...(redisPort !== null && { REDIS_URL: `redis://127.0.0.1:${redisPort}` }),
      ...options.env,
    }
    // All at once: they migrate and seed a new database one after the other (db/prepare-lock.ts).
    instanceUrls.forEach((_, i) => {
      children.push(
        run(`app${i + 1}`, process.execPath, ['--import', 'tsx', '--import', './scripts/node/server-only.mjs', 'server.ts'], { ...env, PORT: String(port + 1 + i) }, log), // prettier-ignore
      )
    })
    await Promise.all(
      instanceUrls.map((u) => waitFor(() => answers(`${u}/readyz`), `${u}/readyz`, 240_000)),
    )
    const config = join(workDir, 'haproxy.cfg')
    writeFileSync(config, haproxyConfig(port, instanceUrls))
    children.push(run('haproxy', haproxy(), ['-f', config, '-db'], {}, log))
    await waitFor(() => answers(`${url}/readyz`), `haproxy on ${port}`)
    const appPids = () => children.slice(redisPort === null ? 0 : 1, -1).map((c) => c.pid!)
    return { url, instanceUrls, pids: appPids, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Round robin over instances that answer /readyz; a request refused by one goes to another. */
export function haproxyConfig(port: number, instanceUrls: string[]) {
  const servers = instanceUrls.map((u, i) => `  server app${i + 1} ${new URL(u).host} check`)
  return `global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A busy instance answers /readyz late but is alive; one that stops answers 503 at once.
  timeout check 10s
  retries 2
  option redispatch
  option forwardfor

frontend web
  bind 127.0.0.1:${port}
  default_backend app

backend app
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 1s fall 2 rise 1
${servers.join('\n')}
`
}

function run(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  log: (line: string) => void,
) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }) // prettier-ignore
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`[${name}] ${line}`)
  }
  child.stdout.on('data', forward)
  child.stderr.on('data', forward)
  child.on('exit', (code, signal) => log(`[${name}] exited (${signal ?? code})`))
  return child
}

async function stopAll(children: ChildProcess[]) {
  const exits = children
    .filter((child) => child.exitCode === null && child.signalCode === null)
    .map((child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const forced = setTimeout(() => child.kill('SIGKILL'), 12_000)
      return exited.then(() => clearTimeout(forced))
    })
  await Promise.all(exits)
}

const redisServer = () => (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : 'redis-server') // prettier-ignore
const haproxy = () => (existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy')

async function answers(url: string) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok
  } catch {
    return false
  }
}

async function redisAnswers(port: number) {
  const { createConnection } = await import('node:net')
  return new Promise<boolean>((resolve) => {
    const socket = createConnection(port, '127.0.0.1')
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'))
      socket.end()
    })
    socket.once('error', () => resolve(false))
    socket.write('PING\r\n')
  })
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
