import { describe, expect, test } from 'vitest'
import { formatDay, formatMonthOfDay } from '@/components/diary/diary-format'
import { formatDate, formatMonthYear } from '@/lib/format'

/** Every YYYY-MM-DD day from the first of `from` to the last of `to`. */
function daysOf(from: number, to: number) {
  const days: string[] = []
  for (let t = Date.UTC(from, 0, 1); t < Date.UTC(to + 1, 0, 1); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

describe('diary dates', () => {
  test('a day reads as Intl’s long en-GB date, from the war’s films to today', () => {
    const days = daysOf(1941, 2027)
    const differing = days.filter((day) => formatDay(day) !== formatDate(new Date(`${day}T00:00:00Z`))) // prettier-ignore
    expect(differing).toEqual([])
    expect(formatDay('2026-12-01')).toBe('1 December 2026')
    expect(formatDay('1945-05-09')).toBe('9 May 1945')
  })

  test('a month reads as Intl’s en-GB month and year, for a day or a month', () => {
    expect(formatMonthOfDay('2026-12-31')).toBe(formatMonthYear(new Date(Date.UTC(2026, 11, 1))))
    expect(formatMonthOfDay('2026-12')).toBe('December 2026')
    expect(formatMonthOfDay('1941-06-22')).toBe('June 1941')
  })
})
