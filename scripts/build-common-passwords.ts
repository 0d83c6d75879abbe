// npx tsx scripts/build-common-passwords.ts <zxcvbn-x.y.z.tgz> [count]
// Rebuilds lib/common-passwords.txt from the password list in the zxcvbn npm package
// (get the tarball with `npm pack zxcvbn@4.4.2` in a temporary folder).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'

// ASVS 5.0 6.2.4 asks for at least the top 3,000 passwords that pass our own rules (8+ characters);
// zxcvbn's top 10,000 hold about 3,400 of those.
const MIN_MATCHING_POLICY = 3000
const MIN_LENGTH = 8

const [tarball, countArgument = '10000'] = process.argv.slice(2)
const count = Number(countArgument)
if (!tarball || !Number.isInteger(count) || count < 1000) {
  console.error('Usage: npx tsx scripts/build-common-passwords.ts <zxcvbn tarball> [count ≥ 1000]')
  process.exit(2)
}

const extract = (path: string) =>
  execFileSync('tar', ['-xzOf', tarball, `package/${path}`], { encoding: 'utf8' })

const manifest = JSON.parse(extract('package.json')) as {
  name: string
  version: string
  license: string
}
const source = extract('lib/frequency_lists.js')
const list = /\bpasswords: "([^"]*)"/.exec(source)?.[1]
if (manifest.name !== 'zxcvbn' || !list) {
  console.error('This is not a zxcvbn tarball with lib/frequency_lists.js')
  process.exit(1)
}

const passwords = [...new Set(list.split(',').map((p) => p.trim().toLowerCase()))]
  .filter((p) => p !== '' && !p.startsWith('#'))
  .slice(0, count)
const matching = passwords.filter((p) => [...p].length >= MIN_LENGTH).length
if (passwords.length < count || matching < MIN_MATCHING_POLICY) {
  console.error(`Only ${passwords.length} passwords, ${matching} of ${MIN_LENGTH}+ characters`)
  process.exit(1)
}

const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`
const header =
  `# The ${count} most common passwords, most common first, from ${manifest.name}@${manifest.version}` +
  ` (npm, ${integrity}), ${manifest.license} licence, copyright Dan Wheeler and Dropbox, Inc.;` +
  ` rebuild with scripts/build-common-passwords.ts`
const target = new URL('../lib/common-passwords.txt', import.meta.url)
writeFileSync(target, [header, ...passwords, ''].join('\n'))
console.log(`Wrote ${passwords.length} passwords (${matching} of ${MIN_LENGTH}+ characters)`)
