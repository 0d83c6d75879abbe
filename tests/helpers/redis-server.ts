import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection } from 'node:net'
import { freePort } from './processes'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/**
 * A real redis-server on a free port for this test file (installed from Debian when missing),
 * stopped after it; its redis:// URL and a way to stop it early.
 */
export async function startRedisServer() {
  execFileSync('sh', ['scripts/ensure-cluster-tools.sh'], { stdio: 'inherit' })
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'kinofront-redis-'))
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' }) // prettier-ignore
  const stop = () => {
    server.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
  afterAll(stop)
  const url = `redis://127.0.0.1:${port}`
  for (let tries = 0; !(await answers(port)); tries++) {
    if (tries > 100) throw new Error(`redis-server did not start on ${port}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { url, stop }
}

function answers(port: number) {
  return new Promise<boolean>((resolve) => {
    const client = createConnection(port, '127.0.0.1')
    client.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'))
      client.end()
    })
    client.once('error', () => resolve(false))
    client.write('PING\r\n')
  })
}
