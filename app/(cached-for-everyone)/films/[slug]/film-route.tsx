import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { cache, type ReactNode } from 'react'
import { FilmDetailsView } from '@/components/film-details'
import { RatingSummary } from '@/components/rating/rating-summary'
import { FilmReviews } from '@/components/reviews/film-reviews'
import type { Viewer } from '@/db/users'
import { formatYears } from '@/lib/format'
import { findFilmBySlug, type FilmDetails } from '@/db/films'
import { filmJsonLd } from './json-ld'

/** The film page, shared by the cached route and its signed-in variant. */

const lookUp = cache(findFilmBySlug)

// Only the page sends the 404 or redirect: thrown from generateMetadata, notFound() leaves the
// server-rendered 404 page without its body.
async function loadFilm(slug: string): Promise<FilmDetails> {
  const found = await lookUp(slug)
  if (found.kind === 'redirect') permanentRedirect(`/films/${found.slug}`)
  if (found.kind === 'missing') notFound()
  return found.film
}

function describe(film: FilmDetails) {
  const by = film.directors.map((d) => d.name).join(' and ')
  const lead = `${film.title} (${film.originalTitle ?? film.title}, ${formatYears(film)})${by ? `, directed by ${by}` : ''}.`
  return film.synopsis ? `${lead} ${film.synopsis}` : lead
}

export async function filmMetadata(slug: string): Promise<Metadata> {
  const found = await lookUp(slug)
  if (found.kind !== 'film') return {}
  const { film } = found
  const title = `${film.title} (${formatYears(film)})`
  const description = describe(film)
  return {
    title,
    description,
    alternates: { canonical: `/films/${film.slug}` },
    openGraph: { type: 'video.movie', title, description, url: `/films/${film.slug}` },
  }
}

type Props = {
  slug: string
  /** The signed-in person on the per-request variant; null on the cached page. */
  viewer: Viewer | null
  /**
   * The member's part, given by each variant: importing both here would send the per-request
   * panel's client code (and stylesheets) to every visitor of the cached page as well.
   */
  personal: (film: FilmDetails) => ReactNode
}

export async function FilmRoute({ slug, viewer, personal }: Props) {
  const film = await loadFilm(slug)
  return (
    <>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: filmJsonLd(film, describe(film)) }}
      />
      <FilmDetailsView
        film={film}
        ratingSummary={<RatingSummary filmId={film.id} />}
        personal={personal(film)}
      />
      <FilmReviews film={film} viewer={viewer} />
    </>
  )
}
