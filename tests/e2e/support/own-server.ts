import { type ChildProcess } from 'node:child_process'
import { expect, type TestInfo } from '@playwright/test'
import { freePort, runScript } from '../../helpers/processes'

/** The app's production build served by `server.ts` for one spec alone, on a database of its own. */
export type OwnServer = {
  url: string
  /** Everything the server has printed so far. */
  output: () => string
  /** After a test: prints the end of the server's log if the test failed. */
  reportIfFailed: (info: TestInfo) => void
  stop: () => Promise<void>
}

/**
 * Starts `server.ts` on a free port with the embedded database `databaseFile` (made, migrated
 * and seeded at start) and its own generated secret, without Redis, and waits until /readyz says
 * it is ready. For specs that do something to a server the others must not see.
 */
export async function startOwnServer(databaseFile: string): Promise<OwnServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server: ChildProcess = runScript('server.ts', [], {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    SITE_URL: url,
    DATABASE_URL: `file:${databaseFile}`,
    AUTH_SECRET: undefined,
    REDIS_URL: undefined,
    NEXT_TELEMETRY_DISABLED: '1',
  })
  let output = ''
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return
    const ended = new Promise((resolve) => server.once('close', resolve))
    server.kill('SIGTERM')
    await ended
  }
  try {
    await expect(async () => {
      expect(server.exitCode, output).toBeNull()
      expect((await fetch(`${url}/readyz`)).status, output).toBe(200)
    }).toPass({ timeout: 240_000, intervals: [500] })
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url,
    output: () => output,
    reportIfFailed: (info) => {
      if (info.status !== info.expectedStatus) console.log(output.slice(-4000))
    },
    stop,
  }
}
