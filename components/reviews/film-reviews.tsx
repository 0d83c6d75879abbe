import Link from 'next/link'
import {
  countPublicReviews,
  ownReviewsOf,
  publicReviewsOf,
  REVIEWS_ON_FILM_PAGE,
} from '@/db/reviews'
import type { Viewer } from '@/db/users'
import { plural } from '@/lib/format'
import { ReviewList } from './review-list'

type Props = { film: { id: number; slug: string }; viewer: Viewer | null }

/**
 * The film page's "Reviews": the newest public ones, the same for everyone on the cached page;
 * for a signed-in member their own come first (public or not): on the page rendered for them, or
 * with their personal state on the shared one.
 */
export async function FilmReviews({ film, viewer }: Props) {
  const [own, newest, total] = await Promise.all([
    viewer ? ownReviewsOf(viewer, film.id) : [],
    publicReviewsOf(film.id, { limit: REVIEWS_ON_FILM_PAGE }),
    countPublicReviews(film.id),
  ])
  return (
    <section className="reviews" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      <ReviewList own={own} newest={newest} />
      {total > REVIEWS_ON_FILM_PAGE && (
        <p>
          <Link href={`/films/${film.slug}/reviews`}>All {plural(total, 'review')}</Link>
        </p>
      )}
    </section>
  )
}
