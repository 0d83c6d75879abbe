import type { FilmDetails } from '@/db/films'
import { findRating } from '@/db/ratings'
import type { Viewer } from '@/db/users'
import { RatingForm } from './rating-form'

/** The signed-in viewer's own rating of the film, which they can change or remove. */
export async function RatingControl({ film, viewer }: { film: FilmDetails; viewer: Viewer }) {
  return <RatingForm filmId={film.id} savedScore={await findRating(viewer, film.id)} />
}
