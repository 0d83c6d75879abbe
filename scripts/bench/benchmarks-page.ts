import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'

// BENCHMARKS.md is written by three commands: `npm run bench` (everything but three sections),
// `npm run lighthouse` and `npm run weight` (one section each, between its markers). Each keeps
// what the others wrote, and the `findings` section, written by hand: what the figures mean.
const SECTIONS = ['findings', 'lighthouse', 'weight'] as const
type Section = (typeof SECTIONS)[number]
const markers = (name: Section) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const

const pathOf = (root: string) => join(root, 'BENCHMARKS.md')

function sectionOf(text: string, name: Section) {
  const [START, END] = markers(name)
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

/** The bench's page, with the sections the other commands wrote kept at its end. */
export async function writeBenchPage(root: string, markdown: string) {
  const text = current(root)
  const kept = SECTIONS.flatMap((name) => sectionOf(text, name) ?? [])
  await write(root, [markdown.trimEnd(), ...kept].join('\n\n') + '\n')
}

/** One command's section, replacing the one there or added at the end. */
async function writeSection(root: string, name: Section, markdown: string) {
  const text = current(root)
  const [START, END] = markers(name)
  const section = `${START}\n\n${markdown.trim()}\n\n${END}`
  const old = sectionOf(text, name)
  await write(root, old ? text.replace(old, section) : `${text.trimEnd()}\n\n${section}\n`)
}

/** The Lighthouse section (`npm run lighthouse`). */
export const writeLighthouseSection = (root: string, markdown: string) =>
  writeSection(root, 'lighthouse', markdown)

/** The page weight section (`npm run weight`). */
export const writeWeightSection = (root: string, markdown: string) =>
  writeSection(root, 'weight', markdown)
