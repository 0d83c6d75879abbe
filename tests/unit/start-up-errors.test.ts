import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { finished, runScript } from '../helpers/processes'

// `npm start` with a setting that cannot work: one line naming the setting and the reason, no
// stack trace, exit code 1, before Next is even loaded. Each case starts the real server.ts.
const dir = mkdtempSync(join(tmpdir(), 'kinofront-start-up-'))
const SECRET = 'a start-up test secret, long enough to be accepted'

const aFile = join(dir, 'a-file')
writeFileSync(aFile, 'not a folder')
const notADatabase = join(dir, 'notes.db')
writeFileSync(notADatabase, 'These are notes, not a SQLite database.\n'.repeat(200))

/** A port on this machine that nothing listens on. */
const closedPort = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const address = server.address()
    server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
  })
})

async function startWith(env: Record<string, string | undefined>) {
  const server = runScript('server.ts', [], { PORT: '4102', AUTH_SECRET: undefined, ...env })
  const { code, output } = await finished(server)
  return { code, lines: output.trim().split('\n') }
}

const cases: { problem: string; env: Record<string, string>; line: RegExp }[] = [
  {
    problem: 'a DATABASE_URL with an unknown scheme',
    env: { DATABASE_URL: 'mysql://localhost/kinofront' },
    line: /^Kinofront cannot start: Invalid environment: DATABASE_URL must start with one of file: libsql: http: https: ws: wss:$/,
  },
  {
    problem: 'a malformed DATABASE_URL',
    env: { DATABASE_URL: 'libsql://', AUTH_SECRET: SECRET },
    line: /^Kinofront cannot start: DATABASE_URL is not a valid database URL \(.*Invalid URL\)$/,
  },
  {
    problem: 'a database folder that cannot be created',
    env: { DATABASE_URL: `file:${join(aFile, 'data', 'kinofront.db')}` },
    line: new RegExp(
      `^Kinofront cannot start: DATABASE_URL: cannot create the folder ${join(aFile, 'data')} \\(ENOTDIR: .*\\)$`,
    ),
  },
  {
    problem: 'a file that is not a database',
    env: { DATABASE_URL: `file:${notADatabase}` },
    line: new RegExp(
      `^Kinofront cannot start: DATABASE_URL: ${notADatabase} is not a database file$`,
    ),
  },
  {
    problem: 'an unreachable libSQL server over HTTP',
    env: { DATABASE_URL: `http://127.0.0.1:${closedPort}`, AUTH_SECRET: SECRET },
    line: new RegExp(
      `^Kinofront cannot start: DATABASE_URL: cannot reach http://127.0.0.1:${closedPort} \\(connect ECONNREFUSED 127.0.0.1:${closedPort}\\)$`,
    ),
  },
  {
    problem: 'an unreachable libsql:// server, without printing its token',
    env: {
      DATABASE_URL: `libsql://127.0.0.1:${closedPort}?tls=0&authToken=not-to-be-printed`,
      AUTH_SECRET: SECRET,
    },
    line: new RegExp(
      `^Kinofront cannot start: DATABASE_URL: cannot reach libsql://127.0.0.1:${closedPort} \\(connect ECONNREFUSED .*\\)$`,
    ),
  },
  {
    problem: 'a remote database without AUTH_SECRET',
    env: { DATABASE_URL: `http://127.0.0.1:${closedPort}` },
    line: /^Kinofront cannot start: Invalid environment: AUTH_SECRET is required with a remote database$/,
  },
]

describe.concurrent('start-up problems', () => {
  it.each(cases)(
    'names the setting in one line and exits with 1: $problem',
    async ({ env, line }) => {
      const { code, lines } = await startWith(env)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(line)
      expect(code).toBe(1)
    },
    120_000,
  )
})
