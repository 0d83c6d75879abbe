import { formatMonthYear } from '@/lib/format'

// A diary page names up to 50 days, and most fall in a few months: each month's name is formatted
// once (Intl formatting and a Date per line were a measurable share of a page's render) and the
// day put before it, as en-GB's long date does ("1 December 2026" is "1 " + "December 2026").
const monthNames = new Map<string, string>()
const MONTHS_KEPT = 600

/** "December 2026" for a YYYY-MM-DD day (or a YYYY-MM month). */
export function formatMonthOfDay(day: string) {
  const month = day.slice(0, 7)
  let name = monthNames.get(month)
  if (name === undefined) {
    name = formatMonthYear(new Date(`${month}-01T00:00:00Z`))
    if (monthNames.size >= MONTHS_KEPT) monthNames.clear()
    monthNames.set(month, name)
  }
  return name
}

/** "1 December 2026" for a YYYY-MM-DD day. */
export const formatDay = (day: string) => `${Number(day.slice(8, 10))} ${formatMonthOfDay(day)}`

/** A review's paragraphs: blank lines separate them. */
export const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
