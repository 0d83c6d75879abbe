import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { cache } from 'react'
import { FilmDetailsView } from '@/components/film-details'
import { FilmPersonalPanel } from '@/components/film-personal-panel'
import { FilmPersonalSlot } from '@/components/personal/film-personal-slot'
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

/**
 * `viewer` is the signed-in person on the per-request variant; null on the cached page, whose
 * member's controls the browser fills in.
 */
export async function FilmRoute({ slug, viewer }: { slug: string; viewer: Viewer | null }) {
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
        personal={
          viewer ? (
            <FilmPersonalPanel film={film} viewer={viewer} />
          ) : (
            <FilmPersonalSlot film={{ id: film.id, slug: film.slug, title: film.title }} />
          )
        }
      />
      <FilmReviews film={film} viewer={viewer} />
    </>
  )
}
