import { formatOneDecimal, plural } from '@/lib/format'

/** A score in half stars (1–10) as people say it: "0.5 stars", "1 star", "4.5 stars". */
export function starsLabel(score: number) {
  const stars = score / 2
  return stars === 1 ? '1 star' : `${stars} stars`
}

export const formatAverage = formatOneDecimal

export function averageText({ average, total }: { average: number | null; total: number }) {
  if (average === null || total === 0) return 'No ratings yet'
  return `Average rating ${formatAverage(average)} out of 5 from ${plural(total, 'rating')}`
}
