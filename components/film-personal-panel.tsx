import Link from 'next/link'
import type { FilmDetails } from '@/db/films'
import type { Viewer } from '@/db/users'
import { signInPath } from '@/lib/safe-callback'
import { DiaryPanel } from './diary/diary-panel'
import { AddToList } from './lists/add-to-list'
import { RatingControl } from './rating/rating-control'
import { WatchlistToggle } from './watchlist/watchlist-toggle'

/** The signed-in person's own rating, watchlist and lists for this film. */
export function FilmPersonalPanel({ film, viewer }: { film: FilmDetails; viewer: Viewer }) {
  return (
    <div className="personal-panel">
      <RatingControl film={film} viewer={viewer} />
      <WatchlistToggle filmId={film.id} filmTitle={film.title} viewer={viewer} />
      <AddToList film={film} viewer={viewer} />
      <DiaryPanel film={film} viewer={viewer} />
    </div>
  )
}

/** What the cached page offers everyone: a way to sign in and come back here. */
export function SignedOutPanel({ film }: { film: FilmDetails }) {
  return (
    <p className="personal-panel">
      <Link href={signInPath(`/films/${film.slug}`)} className="button">
        Sign in to rate
      </Link>
    </p>
  )
}
