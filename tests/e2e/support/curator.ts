import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/** Makes someone a curator the way an operator does: `npm run user:role -- <username> curator`. */
export function grantCurator(username: string) {
  const folder = process.env.E2E_DB_DIR
  if (!folder) throw new Error('E2E_DB_DIR is not set: run the tests with playwright.config.ts')
  execFileSync('npm', ['run', '--silent', 'user:role', '--', username, 'curator'], {
    env: { ...process.env, DATABASE_URL: `file:${join(folder, 'e2e.db')}` },
    stdio: 'pipe',
  })
}
