// Every date, number and duration the site shows, written one way: British English, dates in UTC
// (what the database stores), through Intl rather than by hand.
const LOCALE = 'en-GB'

const dayMonthYear = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' })
const monthYear = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }) // prettier-ignore
const clockUtc = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }) // prettier-ignore
const wholeNumber = new Intl.NumberFormat(LOCALE)
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) // prettier-ignore

export const colourLabels = {
  bw: 'Black and white',
  colour: 'Colour',
  mixed: 'Black and white, and colour',
} as const

/** "1 December 2026" */
export const formatDate = (date: Date) => dayMonthYear.format(date)

/** "December 2026" */
export const formatMonthYear = (date: Date) => monthYear.format(date)

/** "14:32", in UTC */
export const formatClockUtc = (date: Date) => clockUtc.format(date)

/** "2,000" */
export const formatNumber = (n: number) => wholeNumber.format(n)

/** "4.0" */
export const formatOneDecimal = (n: number) => oneDecimal.format(n)

export function formatYears({ yearStart, yearEnd }: { yearStart: number; yearEnd: number | null }) {
  return yearEnd && yearEnd !== yearStart ? `${yearStart}–${yearEnd}` : String(yearStart)
}

export function formatRuntime(minutes: number, note?: string | null) {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const long = hours > 0 ? ` (${hours} h ${String(rest).padStart(2, '0')} min)` : ''
  return `${minutes} min${long}${note ? `, ${note}` : ''}`
}

export function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`
}

/** A source's address as people read it: the site, then the page, with escapes decoded. */
export function readableUrl(url: string) {
  const { hostname, pathname, search } = new URL(url)
  let path = `${pathname}${search}`
  try {
    path = decodeURIComponent(path)
  } catch {
    // Not valid percent-encoding: show it as it is.
  }
  return `${hostname.replace(/^www\./, '')}${path === '/' ? '' : path}`
}
