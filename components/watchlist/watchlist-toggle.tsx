import type { Viewer } from '@/db/users'
import { isOnWatchlist } from '@/db/watchlist'
import { WatchlistButton } from './watchlist-button'

/** The film page's watchlist button, in the state the viewer left it. */
export async function WatchlistToggle({
  filmId,
  filmTitle,
  viewer,
}: {
  filmId: number
  filmTitle: string
  viewer: Viewer
}) {
  const onWatchlist = await isOnWatchlist(viewer, filmId)
  return <WatchlistButton filmId={filmId} filmTitle={filmTitle} onWatchlist={onWatchlist} />
}
