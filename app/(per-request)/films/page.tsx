import type { Metadata } from 'next'
import Link from 'next/link'
import { FilmCard } from '@/components/film-card'
import { plural } from '@/lib/format'
import { CardRating } from '@/components/rating/card-rating'
import { WatchlistButton } from '@/components/watchlist/watchlist-button'
import { catalogueDecades, catalogueStudios, directorsNamed, searchCatalogue } from '@/db/catalogue'
import { catalogueHref, parseCatalogueQuery, SEARCH_MAX } from '@/db/catalogue-query'
import { CatalogueFilters } from './catalogue-filters'
import { watchlistedAmong } from '@/db/watchlist'
import { watchedAmong } from '@/db/diary'
import { WatchedMark } from '@/components/diary/watched-mark'
import { currentViewer } from '@/lib/viewer'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseCatalogueQuery(await searchParams)
  return {
    title: query.q ? `Films matching “${query.q}”` : 'All films',
    alternates: { canonical: '/films' },
  }
}

export default async function CataloguePage({ searchParams }: Props) {
  const query = parseCatalogueQuery(await searchParams)
  const [result, decades, studios, directors] = await Promise.all([
    searchCatalogue(query),
    catalogueDecades(),
    catalogueStudios(),
    query.director ? directorsNamed(query.director) : [],
  ])
  // A person page links here with the director's slug: show their name in the box instead.
  const directorText = directors.find((d) => d.slug === query.director)?.name ?? query.director
  const viewer = await currentViewer()
  const shownIds = result.films.map((film) => film.id)
  const [watchlisted, watched] = viewer
    ? await Promise.all([watchlistedAmong(viewer, shownIds), watchedAmong(viewer, shownIds)])
    : [null, null]
  return (
    <>
      <h1>All films</h1>
      <CatalogueFilters
        query={query}
        decades={decades}
        studios={studios}
        directorText={directorText}
        directorHint={
          query.director
            ? directors.length > 0
              ? `Matches ${directors.map((d) => d.name).join(', ')}`
              : 'Matches no director'
            : 'A name, or part of one'
        }
      />

      {query.qTooLong && (
        <p className="form-error">
          Searches can be at most {SEARCH_MAX} characters: this one was cut to its first{' '}
          {SEARCH_MAX}.
        </p>
      )}
      <p role="status" className="results-count">
        {plural(result.total, 'film')}
        {query.q && <> matching “{query.q}”</>}
        {result.pageCount > 1 && (
          <>
            {' '}
            · page {result.page} of {result.pageCount}
          </>
        )}
      </p>

      {result.total === 0 ? (
        <div className="empty-state">
          <h2>No films found</h2>
          <p>
            Nothing in the catalogue matches {query.q ? <>“{query.q}”</> : 'these filters'}. Try
            another spelling — Cyrillic, transliterated and English titles all work — or{' '}
            <Link href="/films">see every film</Link>.
          </p>
        </div>
      ) : (
        <ul className="film-grid" aria-label="Films">
          {result.films.map((film) => (
            <li key={film.slug}>
              <FilmCard
                film={film}
                extra={
                  <>
                    <CardRating {...film} />
                    {watched?.has(film.id) && <WatchedMark />}
                  </>
                }
                actions={
                  watchlisted && (
                    <WatchlistButton
                      filmId={film.id}
                      filmTitle={film.title}
                      onWatchlist={watchlisted.has(film.id)}
                    />
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}

      {result.pageCount > 1 && (
        <nav className="pagination" aria-label="Pages">
          {result.page > 1 && (
            <Link href={catalogueHref({ ...query, page: result.page - 1 })} rel="prev">
              Previous page
            </Link>
          )}
          <span>
            Page {result.page} of {result.pageCount}
          </span>
          {result.page < result.pageCount && (
            <Link href={catalogueHref({ ...query, page: result.page + 1 })} rel="next">
              Next page
            </Link>
          )}
        </nav>
      )}
    </>
  )
}
