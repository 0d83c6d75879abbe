import { formatDate, formatMonthYear } from '@/lib/format'

const dayOf = (day: string) => new Date(`${day}T00:00:00Z`)

/** "1 December 2026" for a YYYY-MM-DD day. */
export const formatDay = (day: string) => formatDate(dayOf(day))

/** "December 2026" for a YYYY-MM-DD day. */
export const formatMonthOfDay = (day: string) => formatMonthYear(dayOf(day))

/** A review's paragraphs: blank lines separate them. */
export const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
