import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'

// BENCHMARKS.md is written by two commands: `npm run bench` (everything but one section) and
// `npm run lighthouse` (that section, between these markers). Each keeps what the other wrote.
const START = '<!-- lighthouse:start -->'
const END = '<!-- lighthouse:end -->'

const pathOf = (root: string) => join(root, 'BENCHMARKS.md')

function lighthouseSection(text: string) {
  const start = text.indexOf(START)
  const end = text.indexOf(END)
  return start >= 0 && end > start ? text.slice(start, end + END.length) : null
}

async function write(root: string, text: string) {
  const page = pathOf(root)
  const options = await resolveConfig(page)
  writeFileSync(page, await format(text, { ...options, parser: 'markdown' }))
}

const current = (root: string) =>
  existsSync(pathOf(root)) ? readFileSync(pathOf(root), 'utf8') : ''

/** The bench's page, with the Lighthouse section of the page as it was kept at its end. */
export async function writeBenchPage(root: string, markdown: string) {
  const kept = lighthouseSection(current(root))
  await write(root, kept ? `${markdown.trimEnd()}\n\n${kept}\n` : markdown)
}

/** The Lighthouse section, replacing the one there or added at the end. */
export async function writeLighthouseSection(root: string, markdown: string) {
  const text = current(root)
  const section = `${START}\n\n${markdown.trim()}\n\n${END}`
  const old = lighthouseSection(text)
  await write(root, old ? text.replace(old, section) : `${text.trimEnd()}\n\n${section}\n`)
}
