import { ratingSummaryOf } from '@/db/ratings'
import { RatingHistogram } from './rating-histogram'
import { averageText } from './rating-format'

/** Everyone's ratings of the film: the same for every visitor, so the cached page has it too. */
export async function RatingSummary({ filmId }: { filmId: number }) {
  const summary = await ratingSummaryOf(filmId)
  return (
    <section aria-labelledby="ratings-heading" className="rating-summary">
      <h2 id="ratings-heading">Ratings</h2>
      <p className="rating-average">{averageText(summary)}</p>
      {/* An empty axis says nothing that "No ratings yet" has not. */}
      {summary.total > 0 && <RatingHistogram counts={summary.counts} />}
    </section>
  )
}
