import type { FilmDetails } from '@/db/films'
import { filmStateOf } from '@/db/personal-state'
import type { Viewer } from '@/db/users'
import { FilmPersonalControls } from './personal/film-personal-controls'

/** The signed-in person's own rating, watchlist and lists, on the page rendered per request. */
export async function FilmPersonalPanel({ film, viewer }: { film: FilmDetails; viewer: Viewer }) {
  const state = await filmStateOf(viewer, film.slug)
  return state && <FilmPersonalControls film={film} state={state} />
}
