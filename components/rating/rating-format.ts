import { plural } from '@/components/format'

/** Every score, in half stars: 1 = ½ star … 10 = 5 stars (the range the ratings table allows). */
export const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const

/** A score in half stars (1–10) as people say it: "0.5 stars", "1 star", "4.5 stars". */
export function starsLabel(score: number) {
  const stars = score / 2
  return stars === 1 ? '1 star' : `${stars} stars`
}

export function formatAverage(average: number) {
  return average.toFixed(1)
}

export function averageText({ average, total }: { average: number | null; total: number }) {
  if (average === null || total === 0) return 'No ratings yet'
  return `Average rating ${formatAverage(average)} out of 5 from ${plural(total, 'rating')}`
}
