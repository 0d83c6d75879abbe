import { parse } from 'csv-parse/sync'
import { isCalendarDay, MAX_REVIEW, MAX_TAG, MAX_TAGS, splitTags } from '@/lib/rules/diary'
import { ENTRY_NOTE_MAX, LIST_DESCRIPTION_MAX, LIST_TITLE_MAX } from '@/lib/rules/lists'
import {
  COLUMNS,
  LIST_COLUMNS,
  LIST_ENTRY_COLUMNS,
  LIST_HEADER_LINE,
  OPTIONAL_COLUMNS,
  scoreOfCell,
  unneutralise,
  type KnownFile,
} from './columns'
import type { UploadError, UploadText } from './read-upload'

// The CSVs of an export read into typed rows. Any bad cell refuses the whole file with a message
// naming the file and the row (as a spreadsheet numbers it: the header is row 1).

export const MAX_ROWS = 50_000

/** A film as a row names it. */
export type FilmMention = { file: string; row: number; name: string; year: number | null; url: string } // prettier-ignore
export type DatedFilm = FilmMention & { date: string }
export type RatedFilm = DatedFilm & { score: number }
export type DiaryRow = DatedFilm & {
  score: number | null
  rewatch: boolean
  tags: string[]
  watchedOn: string
  review: string | null
  spoilers: boolean
}
export type ListFile = {
  file: string
  date: string
  title: string
  description: string
  entries: (FilmMention & { position: number; note: string })[]
}

export type ParsedExport = {
  watched: DatedFilm[]
  watchlist: DatedFilm[]
  ratings: RatedFilm[]
  diary: DiaryRow[]
  reviews: DiaryRow[]
  lists: ListFile[]
}

export type Parsed = { ok: true; data: ParsedExport } | { ok: false; error: UploadError }

class Refusal extends Error {
  constructor(readonly error: UploadError) {
    super(error.message)
  }
}

const baseName = (path: string) => path.split('/').at(-1)!

export function parseExport(files: UploadText[]): Parsed {
  const data: ParsedExport = { watched: [], watchlist: [], ratings: [], diary: [], reviews: [], lists: [] } // prettier-ignore
  let rows = 0
  const count = (file: string, n: number) => {
    rows += n
    if (rows > MAX_ROWS) throw new Refusal({ file, message: `The export has more than ${MAX_ROWS.toLocaleString('en-GB')} rows, more than one import takes.` }) // prettier-ignore
  }
  try {
    for (const { path, text } of files) {
      const name = baseName(path)
      if (text.replace(/^\uFEFF/, '').startsWith(LIST_HEADER_LINE)) {
        const list = parseList(path, text)
        count(path, list.entries.length)
        data.lists.push(list)
      } else if (name in COLUMNS) {
        const kind = name as KnownFile
        const records = readTable(path, text, COLUMNS[kind], 1)
        count(path, records.length)
        addRows(data, kind, path, records)
      } else {
        throw new Refusal({ file: path, message: 'Kinofront reads watched.csv, watchlist.csv, ratings.csv, diary.csv, reviews.csv and list files, named as Letterboxd names them.' }) // prettier-ignore
      }
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error }
    throw error
  }
  return { ok: true, data }
}

type Record_ = { row: number; cells: Map<string, string> }

/** A CSV's rows of cells; `relaxed` lets rows differ in length (a list file's two tables). */
function csvRows(file: string, text: string, firstRow: number, relaxed = false): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: relaxed, skip_empty_lines: !relaxed })
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new Refusal({ file, row: line !== undefined ? line + firstRow - 1 : undefined, message: 'This row is not valid CSV (check its quotes and number of cells).' }) // prettier-ignore
  }
}

/** The records of one CSV table, by column name; `firstRow` is the header's row in the file. */
function readTable(file: string, text: string, allowed: readonly string[], firstRow: number) {
  return tableOf(file, csvRows(file, text, firstRow), allowed, firstRow)
}

function tableOf(
  file: string,
  table: string[][],
  allowed: readonly string[],
  firstRow: number,
): Record_[] {
  const [header, ...body] = table
  if (!header) throw new Refusal({ file, message: 'The file has no header row.' })
  const unknown = header.find((column) => !allowed.includes(column))
  if (unknown !== undefined) {
    throw new Refusal({ file, row: firstRow, message: `The column “${unknown}” is not one Kinofront knows: expected ${allowed.join(', ')}.` }) // prettier-ignore
  }
  const missing = allowed.find(
    (column) => !OPTIONAL_COLUMNS.has(column) && !header.includes(column),
  )
  if (missing !== undefined) {
    throw new Refusal({ file, row: firstRow, message: `The column “${missing}” is missing.` })
  }
  body.forEach((cells, i) => {
    if (cells.length !== header.length) throw new Refusal({ file, row: firstRow + 1 + i, message: `This row has ${cells.length} cells where the header has ${header.length}.` }) // prettier-ignore
  })
  return body.map((cells, i) => ({
    row: firstRow + 1 + i,
    cells: new Map(header.map((column, c) => [column, unneutralise(cells[c] ?? '')])),
  }))
}

const cellOf = (record: Record_, column: string) => record.cells.get(column) ?? ''

function refuseCell(file: string, record: Record_, message: string): never {
  throw new Refusal({ file, row: record.row, message })
}

function dayCell(file: string, record: Record_, column: string): string {
  const value = cellOf(record, column).trim()
  if (!isCalendarDay(value)) refuseCell(file, record, `The ${column} “${value}” is not a date written as YYYY-MM-DD.`) // prettier-ignore
  return value
}

const optionalDayCell = (file: string, record: Record_, column: string) =>
  cellOf(record, column).trim() === '' ? null : dayCell(file, record, column)

function filmMention(file: string, record: Record_, urlColumn: string): FilmMention {
  const name = cellOf(record, 'Name').trim()
  if (!name) refuseCell(file, record, 'The film’s Name is empty.')
  const yearCell = cellOf(record, 'Year').trim()
  if (yearCell !== '' && !/^\d{4}$/.test(yearCell)) refuseCell(file, record, `The Year “${yearCell}” is not a year.`) // prettier-ignore
  return { file, row: record.row, name, year: yearCell ? Number(yearCell) : null, url: cellOf(record, urlColumn).trim() } // prettier-ignore
}

function scoreCell(file: string, record: Record_, { optional }: { optional: boolean }) {
  const value = cellOf(record, 'Rating')
  const score = scoreOfCell(value)
  if (score === undefined || (score === null && !optional)) {
    refuseCell(file, record, `The Rating “${value}” is not a rating from 0.5 to 5 in half stars.`)
  }
  return score
}

function yesCell(file: string, record: Record_, column: string) {
  const value = cellOf(record, column).trim()
  if (!['', 'Yes', 'No', 'true', 'false'].includes(value)) refuseCell(file, record, `${column} should be Yes or empty, not “${value}”.`) // prettier-ignore
  return value === 'Yes' || value === 'true'
}

function tagsCell(file: string, record: Record_) {
  const tags = splitTags(cellOf(record, 'Tags'))
  if (tags.length > MAX_TAGS) refuseCell(file, record, `An entry has at most ${MAX_TAGS} tags here.`) // prettier-ignore
  if (tags.some((tag) => [...tag].length > MAX_TAG)) refuseCell(file, record, `A tag is longer than ${MAX_TAG} characters.`) // prettier-ignore
  return tags
}

function diaryRow(file: string, record: Record_, withReview: boolean): DiaryRow {
  const date = dayCell(file, record, 'Date')
  const review = withReview ? cellOf(record, 'Review').replace(/\r\n?/g, '\n').trim() : ''
  if ([...review].length > MAX_REVIEW) refuseCell(file, record, `The review is longer than ${MAX_REVIEW.toLocaleString('en-GB')} characters.`) // prettier-ignore
  return {
    ...filmMention(file, record, 'Letterboxd URI'),
    date,
    score: scoreCell(file, record, { optional: true }),
    rewatch: yesCell(file, record, 'Rewatch'),
    tags: tagsCell(file, record),
    // A review written without a viewing has no Watched Date: it counts as seen on the day.
    watchedOn: withReview
      ? (optionalDayCell(file, record, 'Watched Date') ?? date)
      : dayCell(file, record, 'Watched Date'),
    review: review || null,
    spoilers: withReview && yesCell(file, record, 'Spoilers'),
  }
}

function addRows(data: ParsedExport, kind: KnownFile, file: string, records: Record_[]) {
  for (const record of records) {
    const dated = () => ({ ...filmMention(file, record, 'Letterboxd URI'), date: dayCell(file, record, 'Date') }) // prettier-ignore
    if (kind === 'watched.csv') data.watched.push(dated())
    else if (kind === 'watchlist.csv') data.watchlist.push(dated())
    else if (kind === 'ratings.csv')
      data.ratings.push({ ...dated(), score: scoreCell(file, record, { optional: false })! }) // prettier-ignore
    else if (kind === 'diary.csv') data.diary.push(diaryRow(file, record, false))
    else data.reviews.push(diaryRow(file, record, true))
  }
}

/** A list file: its own line, the list's header and row, a blank line, then its films. */
function parseList(file: string, text: string): ListFile {
  const afterFirstLine = text.replace(/^\uFEFF/, '').replace(/^[^\n]*\n?/, '')
  const rows = csvRows(file, afterFirstLine, 2, true)
  const blank = rows.findIndex((cells) => cells.length === 1 && cells[0]!.trim() === '')
  if (blank < 0) throw new Refusal({ file, message: 'A list file needs a blank line between the list and its films.' }) // prettier-ignore
  const [list] = tableOf(file, rows.slice(0, blank), LIST_COLUMNS, 2)
  if (!list) throw new Refusal({ file, row: 3, message: 'The list’s own row is missing.' })
  const films = rows.slice(blank + 1).filter((cells) => !(cells.length === 1 && cells[0] === ''))
  const entries = tableOf(file, films, LIST_ENTRY_COLUMNS, blank + 3)
  const title = cellOf(list, 'Name').trim()
  if (!title) refuseCell(file, list, 'The list’s Name is empty.')
  if ([...title].length > LIST_TITLE_MAX) refuseCell(file, list, `The list’s Name is longer than ${LIST_TITLE_MAX} characters.`) // prettier-ignore
  if ([...cellOf(list, 'Description')].length > LIST_DESCRIPTION_MAX) refuseCell(file, list, `The list’s Description is longer than ${LIST_DESCRIPTION_MAX} characters.`) // prettier-ignore
  return {
    file,
    date: dayCell(file, list, 'Date'),
    title,
    description: cellOf(list, 'Description'),
    entries: entries
      .map((record) => {
        const position = cellOf(record, 'Position').trim()
        if (!/^\d+$/.test(position)) refuseCell(file, record, `The Position “${position}” is not a number.`) // prettier-ignore
        if ([...cellOf(record, 'Description')].length > ENTRY_NOTE_MAX) refuseCell(file, record, `The film’s Description is longer than ${ENTRY_NOTE_MAX} characters.`) // prettier-ignore
        return { ...filmMention(file, record, 'URL'), position: Number(position), note: cellOf(record, 'Description') } // prettier-ignore
      })
      .sort((a, b) => a.position - b.position),
  }
}
