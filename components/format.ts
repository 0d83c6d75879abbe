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
