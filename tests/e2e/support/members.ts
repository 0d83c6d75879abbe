import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BrowserContext } from '@playwright/test'
import type { TestUser } from './accounts'

/**
 * Where a project's shared member is kept: beside the run's fresh database (playwright.config.ts
 * makes the folder), so a saved session never outlives the accounts it signs in to.
 */
function memberFiles(project: string) {
  const folder = process.env.E2E_DB_DIR
  if (!folder) throw new Error('E2E_DB_DIR is not set: run the tests with playwright.config.ts')
  const base = join(folder, 'members', project)
  return { state: `${base}.state.json`, user: `${base}.user.json` }
}

/** Keeps a signed-in context's cookies, and who it is signed in as, for the project's tests. */
export async function saveMember(project: string, context: BrowserContext, user: TestUser) {
  const files = memberFiles(project)
  mkdirSync(dirname(files.state), { recursive: true })
  await context.storageState({ path: files.state })
  writeFileSync(files.user, JSON.stringify(user))
}

/** A saved member: the account, and the file of its signed-in state to start a context from. */
export type Member = TestUser & { state: string }

export function savedMember(project: string): Member {
  const files = memberFiles(project)
  if (!existsSync(files.state)) {
    throw new Error(`No member saved for ${project}: its dependency, the setup project, makes one`)
  }
  const user: TestUser = JSON.parse(readFileSync(files.user, 'utf8'))
  return { ...user, state: files.state }
}
