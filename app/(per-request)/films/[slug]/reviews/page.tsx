import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'
import { ReviewItem } from '@/components/reviews/review-item'
import { findFilmRefBySlug } from '@/db/films'
import { countPublicReviews, publicReviewsOf, REVIEWS_PER_PAGE } from '@/db/reviews'
import { plural } from '@/lib/format'
import { pageNumber } from '@/lib/page-number'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<{ page?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await findFilmRefBySlug((await params).slug)
  return found?.kind === 'film'
    ? {
        title: `Reviews of ${found.film.title}`,
        alternates: { canonical: `/films/${found.film.slug}/reviews` },
      }
    : {}
}

export default async function FilmReviewsPage({ params, searchParams }: Props) {
  const { slug } = await params
  const found = await findFilmRefBySlug(slug)
  if (!found) notFound()
  if (found.kind === 'redirect') permanentRedirect(`/films/${found.slug}/reviews`)
  const { film } = found
  const page = pageNumber((await searchParams).page)
  const [reviews, total] = await Promise.all([
    publicReviewsOf(film.id, { limit: REVIEWS_PER_PAGE, offset: (page - 1) * REVIEWS_PER_PAGE }),
    countPublicReviews(film.id),
  ])
  const pageCount = Math.max(1, Math.ceil(total / REVIEWS_PER_PAGE))
  const base = `/films/${film.slug}/reviews`
  return (
    <>
      <h1>
        Reviews of <Link href={`/films/${film.slug}`}>{film.title}</Link>
      </h1>
      <p role="status" className="results-count">
        {plural(total, 'review')}
        {pageCount > 1 && (
          <>
            {' '}
            · page {page} of {pageCount}
          </>
        )}
      </p>
      {reviews.map((review) => (
        <ReviewItem key={review.id} review={review} />
      ))}
      {pageCount > 1 && (
        <nav className="pagination" aria-label="Pages">
          {page > 1 && (
            <Link href={`${base}?page=${page - 1}`} rel="prev">
              Newer reviews
            </Link>
          )}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount && (
            <Link href={`${base}?page=${page + 1}`} rel="next">
              Older reviews
            </Link>
          )}
        </nav>
      )}
    </>
  )
}
