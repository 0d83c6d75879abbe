import Link from 'next/link'
import { formatDay, paragraphsOf } from '@/components/diary/diary-format'
import { starsLabel } from '@/components/rating/rating-format'
import type { Review } from '@/db/reviews'

/** One review: author, date, rating, and the text, behind "Show review" when it has spoilers. */
export function ReviewItem({ review, own = false }: { review: Review; own?: boolean }) {
  const text = paragraphsOf(review.text).map((paragraph, i) => <p key={i}>{paragraph}</p>)
  return (
    <article className="review" aria-label={`Review by ${review.author}`}>
      <p className="review-meta">
        <Link href={`/u/${review.author}`}>{review.author}</Link>
        {own && <> (you)</>} · watched {formatDay(review.watchedOn)}
        {review.score !== null && <> · {starsLabel(review.score)}</>}
        {review.rewatch && <> · rewatch</>}
      </p>
      {review.spoilers ? (
        <details className="review-spoilers">
          <summary>Show review</summary>
          <p className="muted">This review contains spoilers.</p>
          {text}
        </details>
      ) : (
        text
      )}
    </article>
  )
}
