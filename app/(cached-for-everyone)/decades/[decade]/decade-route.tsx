import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { FilmCard } from '@/components/film-card'
import { catalogueDecades, decadeCounts, filmsOfDecade } from '@/db/catalogue'
import { catalogueHref } from '@/db/catalogue-query'
import { decadeOfSlug, decadeSlug } from '@/lib/decades'
import { plural } from '@/lib/format'

export function decadeMetadata(slug: string): Metadata {
  const decade = decadeOfSlug(slug)
  if (decade === null) return {}
  return {
    title: `Films of the ${decadeSlug(decade)}`,
    description: `Soviet films of the Great Patriotic War first released in the ${decadeSlug(decade)}.`,
    alternates: { canonical: `/decades/${decadeSlug(decade)}` },
  }
}

export async function DecadeRoute({ slug }: { slug: string }) {
  const decade = decadeOfSlug(slug)
  if (decade === null || !(await catalogueDecades()).includes(decade)) notFound()
  const [films, counts] = await Promise.all([filmsOfDecade(decade), decadeCounts()])
  const total = counts.find((c) => c.decade === decade)?.films ?? films.length
  return (
    <>
      <h1>Films of the {decadeSlug(decade)}</h1>
      <nav aria-label="Decades" className="decade-nav">
        <ul>
          {counts.map((c) => (
            <li key={c.decade}>
              <Link
                href={`/decades/${decadeSlug(c.decade)}`}
                aria-current={c.decade === decade ? 'page' : undefined}
              >
                {decadeSlug(c.decade)}
              </Link>{' '}
              <span className="muted">({c.films})</span>
            </li>
          ))}
        </ul>
      </nav>
      <p className="muted">
        {plural(total, 'film')}, oldest first.
        {total > films.length && (
          <>
            {' '}
            The first {films.length} are shown;{' '}
            <Link href={catalogueHref({ decade, sort: 'year' })}>
              see them all in the catalogue
            </Link>
            .
          </>
        )}
      </p>
      <ul className="film-grid" aria-label={`Films of the ${decadeSlug(decade)}`}>
        {films.map((film) => (
          <li key={film.slug}>
            <FilmCard film={film} />
          </li>
        ))}
      </ul>
    </>
  )
}
