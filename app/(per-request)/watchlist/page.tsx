import type { Metadata } from 'next'
import Link from 'next/link'
import { FilmCard } from '@/components/film-card'
import { RemoveFromWatchlist, WatchlistEntries } from '@/components/watchlist/watchlist-entries'
import { watchlistOf, watchlistSorts, type WatchlistSort } from '@/db/watchlist'
import { formatDate } from '@/lib/format'
import { requireViewer } from '@/lib/viewer'
import { parseWatchlistSort, watchlistHref, watchlistSortLabels } from './watchlist-sort'

export const metadata: Metadata = { title: 'Your watchlist', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function WatchlistPage({ searchParams }: Props) {
  const sort = parseWatchlistSort(await searchParams)
  const viewer = await requireViewer(watchlistHref(sort))
  const films = await watchlistOf(viewer, sort)
  return (
    <>
      <h1>Your watchlist</h1>
      {films.length > 1 && <SortLinks current={sort} />}
      <WatchlistEntries
        entries={films.map((film) => ({
          filmId: film.id,
          card: (
            <FilmCard
              film={film}
              extra={
                <p className="muted">
                  Added{' '}
                  <time dateTime={film.addedAt.toISOString()}>{formatDate(film.addedAt)}</time>
                </p>
              }
              actions={<RemoveFromWatchlist filmId={film.id} filmTitle={film.title} />}
            />
          ),
        }))}
      />
    </>
  )
}

function SortLinks({ current }: { current: WatchlistSort }) {
  return (
    <div className="watchlist-sort">
      <span id="watchlist-sort-label">Sort by</span>
      <ul aria-labelledby="watchlist-sort-label">
        {watchlistSorts.map((sort) => (
          <li key={sort}>
            <Link href={watchlistHref(sort)} aria-current={sort === current ? 'page' : undefined}>
              {watchlistSortLabels[sort]}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
