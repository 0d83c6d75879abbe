import type { Metadata } from 'next'
import Link from 'next/link'
import { FilmCard } from '@/components/film-card'
import { colourLabels, plural } from '@/lib/format'
import { filmColours } from '@/db/schema'
import { CardRating } from '@/components/rating/card-rating'
import { WatchlistButton } from '@/components/watchlist/watchlist-button'
import { catalogueDecades, catalogueStudios, directorsNamed, searchCatalogue } from '@/db/catalogue'
import {
  catalogueHref,
  parseCatalogueQuery,
  sortLabels,
  catalogueSorts,
} from '@/db/catalogue-query'
import { watchlistedAmong } from '@/db/watchlist'
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
  const watchlisted = viewer && (await watchlistedAmong(viewer, shownIds))
  const filtered = Boolean(
    query.q || query.decade || query.director || query.person || query.studio || query.colour,
  )
  return (
    <>
      <h1>All films</h1>
      <form
        action="/films"
        method="get"
        className="catalogue-controls"
        aria-label="Search and filter films"
      >
        <div className="field">
          <label htmlFor="catalogue-q">Search</label>
          <input id="catalogue-q" type="search" name="q" defaultValue={query.q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="catalogue-decade">Decade</label>
          <select id="catalogue-decade" name="decade" defaultValue={query.decade ?? ''}>
            <option value="">Any decade</option>
            {decades.map((decade) => (
              <option key={decade} value={decade}>
                {decade}s
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalogue-director">Director</label>
          <input
            id="catalogue-director"
            type="search"
            name="director"
            defaultValue={directorText ?? ''}
            maxLength={100}
            aria-describedby="catalogue-director-hint"
          />
          <p id="catalogue-director-hint" className="hint">
            {query.director
              ? directors.length > 0
                ? `Matches ${directors.map((d) => d.name).join(', ')}`
                : 'Matches no director'
              : 'A name, or part of one'}
          </p>
        </div>
        <div className="field">
          <label htmlFor="catalogue-person">Person</label>
          <input
            id="catalogue-person"
            type="search"
            name="person"
            defaultValue={query.person ?? ''}
            maxLength={100}
            aria-describedby="catalogue-person-hint"
          />
          <p id="catalogue-person-hint" className="hint">
            Anyone credited: cast, writers, camera, music
          </p>
        </div>
        <div className="field">
          <label htmlFor="catalogue-studio">Studio</label>
          <select id="catalogue-studio" name="studio" defaultValue={query.studio ?? ''}>
            <option value="">Any studio</option>
            {studios.map((studio) => (
              <option key={studio} value={studio}>
                {studio}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalogue-colour">Colour</label>
          <select id="catalogue-colour" name="colour" defaultValue={query.colour ?? ''}>
            <option value="">Any</option>
            {filmColours.map((colour) => (
              <option key={colour} value={colour}>
                {colourLabels[colour]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalogue-sort">Sort by</label>
          <select id="catalogue-sort" name="sort" defaultValue={query.sort}>
            {catalogueSorts
              .filter((sort) => sort !== 'relevance' || query.q)
              .map((sort) => (
                <option key={sort} value={sort}>
                  {sortLabels[sort]}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show films
        </button>
        {filtered && (
          <Link href="/films" className="button button-quiet">
            Clear
          </Link>
        )}
      </form>

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
                extra={<CardRating {...film} />}
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
