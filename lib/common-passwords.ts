import { readFileSync } from 'node:fs'
import { join } from 'node:path'

let list: ReadonlySet<string> | undefined

/** The bundled list (see the header of common-passwords.txt), read on first use. */
export function commonPasswords(): ReadonlySet<string> {
  list ??= new Set(
    // From the project root, where every entry point (server, scripts, tests) runs: the bundler
    // rewrites `new URL(…, import.meta.url)` into something node:fs cannot read.
    readFileSync(join(process.cwd(), 'lib', 'common-passwords.txt'), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line !== '' && !line.startsWith('#')),
  )
  return list
}

/** Whether the password is on the list, ignoring letter case and surrounding spaces. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase())
}
