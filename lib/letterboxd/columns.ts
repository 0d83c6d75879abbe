// The files of a Letterboxd export that Kinofront reads and writes, with their columns in
// Letterboxd's order. `Spoilers` is ours: Letterboxd's reviews.csv has no such column, and
// without it our own export could not bring a review's spoiler warning back.

export const FILM_COLUMNS = ['Date', 'Name', 'Year', 'Letterboxd URI'] as const

export const COLUMNS = {
  'watched.csv': FILM_COLUMNS,
  'watchlist.csv': FILM_COLUMNS,
  'ratings.csv': [...FILM_COLUMNS, 'Rating'],
  'diary.csv': [...FILM_COLUMNS, 'Rating', 'Rewatch', 'Tags', 'Watched Date'],
  'reviews.csv': [
    ...FILM_COLUMNS,
    'Rating',
    'Rewatch',
    'Review',
    'Tags',
    'Watched Date',
    'Spoilers',
  ],
} as const

export type KnownFile = keyof typeof COLUMNS

export const LIST_HEADER_LINE = 'Letterboxd list export v7'
export const LIST_COLUMNS = ['Date', 'Name', 'Tags', 'URL', 'Description'] as const
export const LIST_ENTRY_COLUMNS = ['Position', 'Name', 'Year', 'URL', 'Description'] as const

/** Columns a file may leave out (Letterboxd's own exports vary between versions). */
export const OPTIONAL_COLUMNS = new Set([
  'Tags',
  'Spoilers',
  'Letterboxd URI',
  'URL',
  'Description',
])

// A spreadsheet runs a cell that begins with one of these as a formula (OWASP's list). Such a
// cell is written with a leading apostrophe, which the import takes off again.
const FORMULA_START = /^[=+\-@\t\r]/

export const neutralise = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell)
export const unneutralise = (cell: string) =>
  cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell

/** Half stars (1–10) as Letterboxd writes a rating: "0.5" … "5". */
export const ratingCell = (score: number | null) => (score === null ? '' : String(score / 2))

/** A Letterboxd rating cell as half stars; null for empty, undefined when it is not a rating. */
export function scoreOfCell(cell: string): number | null | undefined {
  if (cell.trim() === '') return null
  if (!/^\d(\.\d+)?$/.test(cell.trim())) return undefined
  const halves = Number(cell) * 2
  return Number.isInteger(halves) && halves >= 1 && halves <= 10 ? halves : undefined
}

export const dayOf = (date: Date) => date.toISOString().slice(0, 10)
export const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`)
