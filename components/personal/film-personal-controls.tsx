import Link from 'next/link'
import type { FilmState } from '@/db/personal-state'
import { DiaryControls } from '../diary/diary-controls'
import { AddToListForm } from '../lists/add-to-list-form'
import { RatingForm } from '../rating/rating-form'
import { WatchlistButton } from '../watchlist/watchlist-button'
import '../lists/lists.css'

type Props = { film: { id: number; title: string }; state: FilmState }

/**
 * The member's own rating, watchlist, lists and diary for a film, from `filmStateOf` (db/personal-state.ts):
 * rendered on the server for the per-request page and in the browser on the shared one. A new
 * personal part is a field there and a component here.
 */
export function FilmPersonalControls({ film, state }: Props) {
  return (
    <div className="personal-panel">
      <RatingForm filmId={film.id} savedScore={state.rating} />
      <WatchlistButton filmId={film.id} filmTitle={film.title} onWatchlist={state.onWatchlist} />
      {state.lists.length > 0 ? (
        <AddToListForm filmId={film.id} lists={state.lists} />
      ) : (
        <p className="add-to-list">
          <Link href="/lists/new">Make a list</Link> to add {film.title} to.
        </p>
      )}
      <DiaryControls
        film={{ id: film.id, title: film.title, yearStart: state.yearStart }}
        diary={state.diary}
        today={state.today}
      />
    </div>
  )
}
