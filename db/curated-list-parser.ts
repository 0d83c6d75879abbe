import 'server-only'
/** Parses a curated list in the article's format: intro paragraph(s), then `Title (Year)` blocks. */

export type ParsedEntry = {
  line: number
  title: string
  yearText: string
  yearStart: number
  yearEnd: number | null
  description: string
  fact: string
}

export type ParsedList = {
  title: string | null
  introduction: string
  entries: ParsedEntry[]
  warnings: string[]
}

export type ParseResult = { ok: true; list: ParsedList } | { ok: false; errors: string[] }

const HEADING = /^(.+?)\s*\((\d{4})(?:\s*[–-]\s*(\d{4}))?\)$/
const LABEL = /^(Description|Fact):\s*(.*)$/
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'] // prettier-ignore

type Line = { n: number; text: string }
type Draft = { line: number; title: string; yearText: string; yearStart: number; yearEnd: number | null; description?: string; fact?: string } // prettier-ignore

export function parseCuratedList(source: string): ParseResult {
  const lines: Line[] = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ n: i + 1, text: text.trim() }))
  const errors: string[] = []
  const warnings: string[] = []
  const introParagraphs: Line[][] = []
  const drafts: Draft[] = []
  let paragraph: Line[] = []
  let current: Draft | null = null
  let lastField: 'description' | 'fact' | null = null
  // After a heading that could not be read, its own Description:/Fact: lines are not errors too.
  let skippingRejectedEntry = false

  const isHeadingAt = (i: number) => {
    const next = lines.slice(i + 1).find((l) => l.text !== '')
    return next !== undefined && LABEL.test(next.text) && !LABEL.test(lines[i]!.text)
  }

  for (const [i, { n, text }] of lines.entries()) {
    if (text === '') {
      if (paragraph.length > 0) introParagraphs.push(paragraph)
      paragraph = []
      lastField = null
      continue
    }
    const label = LABEL.exec(text)
    if (label) {
      const field = label[1] === 'Description' ? 'description' : 'fact'
      if (skippingRejectedEntry) continue
      if (!current) {
        errors.push(`line ${n}: "${label[1]}:" comes before any film heading`)
      } else if (current[field] !== undefined) {
        errors.push(`line ${n}: "${current.title}" has a second ${label[1]}: line`)
      } else if (label[2]!.trim() === '') {
        errors.push(`line ${n}: ${label[1]}: of "${current.title}" is empty`)
        current[field] = ''
      } else {
        current[field] = label[2]!.trim()
        lastField = field
      }
      continue
    }
    if (current && lastField && !HEADING.test(text)) {
      current[lastField] += ` ${text}`
      continue
    }
    if (isHeadingAt(i)) {
      const heading = HEADING.exec(text)
      if (!heading) {
        errors.push(`line ${n}: film heading "${text}" has no year in parentheses, e.g. "${text} (1957)"`) // prettier-ignore
        current = null
        skippingRejectedEntry = true
        continue
      }
      skippingRejectedEntry = false
      if (!/[\p{L}\p{N}]/u.test(heading[1]!)) {
        errors.push(`line ${n}: film heading "${text}" has no title before the year`)
      }
      const yearStart = Number(heading[2])
      const yearEnd = heading[3] === undefined ? null : Number(heading[3])
      if (yearEnd !== null && yearEnd < yearStart) {
        errors.push(`line ${n}: "${text}" ends before it starts`)
      }
      const yearText = heading[3] === undefined ? heading[2]! : `${heading[2]}–${heading[3]}`
      current = { line: n, title: heading[1]!, yearText, yearStart, yearEnd }
      drafts.push(current)
      lastField = null
      continue
    }
    if (drafts.length === 0) {
      paragraph.push({ n, text })
    } else if (HEADING.test(text)) {
      errors.push(`line ${n}: "${text}" has no Description: line`)
      current = null
    } else {
      errors.push(`line ${n}: unexpected text "${truncate(text)}"; expected a "Title (Year)" heading, "Description:" or "Fact:"`) // prettier-ignore
    }
  }
  if (paragraph.length > 0 && drafts.length === 0) introParagraphs.push(paragraph)

  if (drafts.length > 0) {
    for (const lines of introParagraphs) {
      if (lines.length === 1 && HEADING.test(lines[0]!.text)) {
        errors.push(`line ${lines[0]!.n}: "${lines[0]!.text}" has no Description: line`)
      }
    }
  }

  const seen = new Map<string, number>()
  const entries: ParsedEntry[] = []
  for (const draft of drafts) {
    const key = draft.title.toLowerCase()
    const first = seen.get(key)
    if (first !== undefined) {
      errors.push(`line ${draft.line}: duplicate entry "${draft.title}" (first at line ${first})`)
    } else {
      seen.set(key, draft.line)
    }
    if (draft.description === undefined) {
      errors.push(`line ${draft.line}: "${draft.title}" has no Description: line`)
    }
    if (draft.fact === undefined) {
      errors.push(`line ${draft.line}: "${draft.title}" has no Fact: line`)
    }
    entries.push({ ...draft, description: draft.description ?? '', fact: draft.fact ?? '' })
  }
  if (entries.length === 0 && errors.length === 0) {
    errors.push('line 1: no film entries found; expected "Title (Year)" lines followed by Description: and Fact:') // prettier-ignore
  }
  if (errors.length > 0) return { ok: false, errors }

  const paragraphs = introParagraphs.map((lines) => lines.map((l) => l.text).join(' '))
  const [first, ...rest] = paragraphs
  const hasTitle = first !== undefined && rest.length > 0 && looksLikeTitle(first)
  const title = hasTitle ? first : null
  const introduction = (hasTitle ? rest : paragraphs).join('\n\n')
  const promised = promisedCount(introduction)
  if (promised !== null && promised !== entries.length) {
    warnings.push(
      `the introduction announces ${promised} films, but the list has ${entries.length}`,
    )
  }
  return { ok: true, list: { title, introduction, entries, warnings } }
}

function looksLikeTitle(paragraph: string): boolean {
  return paragraph.length <= 120 && !/[.!?]$/.test(paragraph)
}

function promisedCount(introduction: string): number | null {
  const numbers = `\\d+|${NUMBER_WORDS.join('|')}`
  const match = new RegExp(`\\b(${numbers})\\s+(?:[a-z-]+\\s+)?films\\b`, 'i').exec(introduction)
  if (!match) return null
  const word = match[1]!.toLowerCase()
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word)
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
