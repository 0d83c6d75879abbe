import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, openSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export type RunningServer = {
  url: string
  logPath: string
  stop: () => Promise<void>
  /** From spawning `npm start` to its first answer. */
  startedInMs: number
  /** `npm start`'s process, which leads the group of the server's processes. */
  pid: number
}

/** The build folder, from the variable next.config.ts reads. */
export const distDir = process.env.NEXT_DIST_DIR || '.next'

export function ensureBuild(root: string) {
  if (existsSync(join(root, distDir, 'BUILD_ID'))) return
  console.log(`No production build (${distDir}/BUILD_ID is missing): running \`npm run build\`…`)
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`)
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('No free port found')
  return address.port
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is already gone.
  }
}

async function stopGroup(child: ChildProcess) {
  const pid = child.pid
  if (pid === undefined) return
  signalGroup(pid, 'SIGTERM')
  for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100)
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL')
}

/**
 * Runs `npm start` in its own process group on the database file `database` in `dir` (created,
 * migrated and seeded by the server when it is new), logging to `<name>.log` beside it.
 */
export async function startServer(
  root: string,
  dir: string,
  { database = 'bench.db', name = 'server', port: fixedPort = 0 } = {},
): Promise<RunningServer> {
  const port = fixedPort || (await freePort())
  const url = `http://127.0.0.1:${port}`
  const logPath = join(dir, `${name}.log`)
  const log = openSync(logPath, 'a')
  const spawnedAt = performance.now()
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dir, database)}`,
      SITE_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  })
  let stopping = false
  const killNow = () => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL')
  process.once('exit', killNow)
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`\nThe server exited (${signal ?? code}). Its log: ${logPath}`)
  })
  const stop = async () => {
    stopping = true
    process.off('exit', killNow)
    await stopGroup(child)
  }

  try {
    await waitUntilAnswering(url, child, logPath)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, logPath, stop, startedInMs: performance.now() - spawnedAt, pid: child.pid! }
}

async function waitUntilAnswering(url: string, child: ChildProcess, logPath: string) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server stopped before answering; see ${logPath}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      await response.arrayBuffer()
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await sleep(250)
  }
  throw new Error(`The server did not answer within 120 s; see ${logPath}`)
}
