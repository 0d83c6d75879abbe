import type { RatingTotals } from '@/db/ratings'
import { averageText, formatAverage } from './rating-format'

/** A catalogue card's line: "★ 3.5 (12)", read out in words. */
export function CardRating({ ratingAverage, ratingCount }: RatingTotals) {
  if (ratingAverage === null) return null
  return (
    <p className="card-rating">
      <span aria-hidden="true">
        ★ {formatAverage(ratingAverage)} ({ratingCount})
      </span>
      <span className="visually-hidden">
        {averageText({ average: ratingAverage, total: ratingCount })}
      </span>
    </p>
  )
}
