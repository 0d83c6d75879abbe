import { z } from 'zod'
import { watchlistSorts, type WatchlistSort } from '@/db/watchlist'

export const watchlistSortLabels: Record<WatchlistSort, string> = {
  added: 'Date added',
  year: 'Year',
  title: 'Title',
}

const sortSchema = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z.enum(watchlistSorts).catch('added'),
)

/** The `sort` URL parameter; anything else means newest first. */
export function parseWatchlistSort(params: Record<string, string | string[] | undefined>) {
  return sortSchema.parse(params.sort)
}

export function watchlistHref(sort: WatchlistSort) {
  return sort === 'added' ? '/watchlist' : `/watchlist?sort=${sort}`
}
