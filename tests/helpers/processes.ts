import { createServer } from 'node:net'
import { spawn, type ChildProcess } from 'node:child_process'

/**
 * Runs a TypeScript file with tsx's loader as the package scripts do, in one process of its own
 * (signals reach it, not a wrapper).
 */
export function runScript(file: string, args: string[], env: Record<string, string | undefined>) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './scripts/node/server-only.mjs', file, ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
}

/** Waits for a process to end: its exit code and everything it printed. */
export function finished(child: ChildProcess) {
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  )
}

/** Resolves with the first match of `pattern` in what the process prints. */
export function printed(child: ChildProcess, pattern: RegExp) {
  return new Promise<RegExpMatchArray>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = pattern.exec(output)
      if (found) resolve(found)
    })
    child.on('close', () => reject(new Error(`Ended without printing ${pattern}:\n${output}`)))
  })
}

/** A port nothing listens on right now, on the loopback address. */
export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
