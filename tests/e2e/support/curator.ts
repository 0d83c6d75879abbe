import { execFileSync } from 'node:child_process'
import { e2eDatabaseUrl } from './direct-member'

/** Makes someone a curator the way an operator does: `npm run user:role -- <username> curator`. */
export function grantCurator(username: string) {
  execFileSync('npm', ['run', '--silent', 'user:role', '--', username, 'curator'], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    stdio: 'pipe',
  })
}
