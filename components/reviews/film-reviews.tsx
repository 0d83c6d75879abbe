import Link from 'next/link'
import {
  countPublicReviews,
  ownReviewsOf,
  publicReviewsOf,
  REVIEWS_ON_FILM_PAGE,
} from '@/db/reviews'
import type { Viewer } from '@/db/users'
import { plural } from '@/lib/format'
import { ReviewItem } from './review-item'

type Props = { film: { id: number; slug: string }; viewer: Viewer | null }

/**
 * The film page's "Reviews": the newest public ones, the same for everyone on the cached page;
 * for a signed-in member their own come first (public or not).
 */
export async function FilmReviews({ film, viewer }: Props) {
  const [own, newest, total] = await Promise.all([
    viewer ? ownReviewsOf(viewer, film.id) : [],
    publicReviewsOf(film.id, { limit: REVIEWS_ON_FILM_PAGE }),
    countPublicReviews(film.id),
  ])
  const ownIds = new Set(own.map((review) => review.id))
  const others = newest.filter((review) => !ownIds.has(review.id))
  return (
    <section className="reviews" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      {own.length === 0 && others.length === 0 ? (
        <p className="muted">No reviews yet.</p>
      ) : (
        <>
          {own.map((review) => (
            <ReviewItem key={review.id} review={review} own />
          ))}
          {others.map((review) => (
            <ReviewItem key={review.id} review={review} />
          ))}
        </>
      )}
      {total > REVIEWS_ON_FILM_PAGE && (
        <p>
          <Link href={`/films/${film.slug}/reviews`}>All {plural(total, 'review')}</Link>
        </p>
      )}
    </section>
  )
}
