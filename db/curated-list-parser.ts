import 'server-only'
import { CURATED_LIMITS } from '@/lib/rules/curated'
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
// "Description:", "description :", "FACT:" …
const LABEL = /^(description|fact)\s*:\s*(.*)$/i
// Any other "Label:" at the start of a line inside an entry ("Why watch:", "Rating:").
const OTHER_LABEL = /^([\p{L}][\p{L} '’-]{0,30}?)\s*:(?:\s|$)/u
// "1. Come and See", "2) …", "#3 …", "No. 4: …": the list's order already numbers the entries.
const NUMBERING = /^(?:no\.?\s*|#)?\d{1,3}\s*[.):]\s+|^#\d{1,3}\s+/i
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const MAX_ERRORS = 50
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'] // prettier-ignore

type Line = { n: number; text: string }
type Draft = { line: number; title: string; yearText: string; yearStart: number; yearEnd: number | null; description?: string; fact?: string } // prettier-ignore

export function parseCuratedList(source: string): ParseResult {
  const lines: Line[] = source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ n: i + 1, text: text.trim() }))
  const errors: string[] = []
  for (const { n, text } of lines) {
    const control = CONTROL.exec(text)
    if (control) errors.push(`line ${n}: control character ${codePoint(control[0])} is not allowed; remove it`) // prettier-ignore
  }
  const warnings: string[] = []
  const introParagraphs: Line[][] = []
  const drafts: Draft[] = []
  let paragraph: Line[] = []
  let current: Draft | null = null
  let lastField: 'description' | 'fact' | null = null
  // After a heading that could not be read, its own Description:/Fact: lines are not errors too.
  let skippingRejectedEntry = false
  // After an unknown label, its wrapped lines are part of what is reported, not new errors.
  let skippingUnknownLabel = false

  const isOtherLabel = (text: string) => OTHER_LABEL.test(text) && !HEADING.test(text)
  const isHeadingAt = (i: number) => {
    const text = lines[i]!.text
    const next = lines.slice(i + 1).find((l) => l.text !== '')
    if (next === undefined || LABEL.test(text)) return false
    return LABEL.test(next.text) || (HEADING.test(text) && isOtherLabel(next.text))
  }

  for (const [i, { n, text }] of lines.entries()) {
    if (text === '') {
      if (paragraph.length > 0) introParagraphs.push(paragraph)
      paragraph = []
      lastField = null
      skippingUnknownLabel = false
      continue
    }
    const label = LABEL.exec(text)
    if (label) {
      skippingUnknownLabel = false
      const field = label[1]!.toLowerCase() === 'description' ? 'description' : 'fact'
      label[1] = field === 'description' ? 'Description' : 'Fact'
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
    if (current && isOtherLabel(text)) {
      const name = OTHER_LABEL.exec(text)![1]!
      errors.push(`line ${n}: unknown label "${name}:" in the entry "${current.title}"; only Description: and Fact: are read`) // prettier-ignore
      lastField = null
      skippingUnknownLabel = true
      continue
    }
    if (skippingUnknownLabel && !isHeadingAt(i)) continue
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
      skippingUnknownLabel = false
      const title = heading[1]!.replace(NUMBERING, '').trim()
      if (!/[\p{L}\p{N}]/u.test(title)) {
        errors.push(`line ${n}: film heading "${truncate(text)}" has no title before the year`)
      }
      if ([...title].length > CURATED_LIMITS.titleCharacters) {
        errors.push(`line ${n}: the title "${truncate(title)}" is ${count(title)} characters long; a title has at most ${CURATED_LIMITS.titleCharacters}`) // prettier-ignore
      }
      const yearStart = Number(heading[2])
      const yearEnd = heading[3] === undefined ? null : Number(heading[3])
      if (yearEnd !== null && yearEnd < yearStart) {
        errors.push(`line ${n}: "${truncate(text)}" ends before it starts`)
      }
      const lastYear = new Date().getFullYear()
      for (const year of [yearStart, yearEnd]) {
        if (year !== null && (year < CURATED_LIMITS.firstFilmYear || year > lastYear)) {
          errors.push(`line ${n}: ${year} is not a year a film can be from; films date from ${CURATED_LIMITS.firstFilmYear} to ${lastYear}`) // prettier-ignore
        }
      }
      const yearText = heading[3] === undefined ? heading[2]! : `${heading[2]}–${heading[3]}`
      current = { line: n, title, yearText, yearStart, yearEnd }
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

  if (drafts.length > CURATED_LIMITS.entries) {
    errors.push(`line ${drafts[CURATED_LIMITS.entries]!.line}: the file has ${drafts.length} entries; a list has at most ${CURATED_LIMITS.entries}`) // prettier-ignore
  }
  const seen = new Map<string, number>()
  const entries: ParsedEntry[] = []
  for (const draft of drafts) {
    for (const field of ['description', 'fact'] as const) {
      const value = draft[field]
      if (value !== undefined && [...value].length > CURATED_LIMITS.textCharacters) {
        const label = field === 'description' ? 'Description:' : 'Fact:'
        errors.push(`line ${draft.line}: the ${label} of "${truncate(draft.title)}" is ${count(value)} characters long; at most ${CURATED_LIMITS.textCharacters.toLocaleString('en')}`) // prettier-ignore
      }
    }
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
  const paragraphs = introParagraphs.map((lines) => lines.map((l) => l.text).join(' '))
  const [first, ...rest] = paragraphs
  const hasTitle = first !== undefined && rest.length > 0 && looksLikeTitle(first)
  const title = hasTitle ? first : null
  const introduction = (hasTitle ? rest : paragraphs).join('\n\n')
  if ([...introduction].length > CURATED_LIMITS.textCharacters) {
    errors.push(`line ${introParagraphs[hasTitle ? 1 : 0]![0]!.n}: the introduction is ${count(introduction)} characters long; at most ${CURATED_LIMITS.textCharacters.toLocaleString('en')}`) // prettier-ignore
  }
  if (errors.length > 0) return { ok: false, errors: capped(errors) }
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

function capped(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors
  return [...errors.slice(0, MAX_ERRORS), `line ${lineOf(errors[MAX_ERRORS]!)}: … and ${errors.length - MAX_ERRORS} more problems`] // prettier-ignore
}

const lineOf = (error: string) => /^line (\d+)/.exec(error)?.[1] ?? '1'
const count = (text: string) => [...text].length.toLocaleString('en')
const codePoint = (c: string) =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
