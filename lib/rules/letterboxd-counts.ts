// In a module light enough for the browser (lib/rules/letterboxd.ts brings zod).
import { plural } from '../format'

export type Counted = {
  ratings: number
  diary: number
  reviews: number
  watched: number
  watchlist: number
  lists: number
}

/** Each kind's count as a phrase: "3 ratings", "1 diary entry"… */
export const countPhrases = (counts: Counted) => [
  plural(counts.ratings, 'rating'),
  plural(counts.diary, 'diary entry', 'diary entries'),
  plural(counts.reviews, 'review'),
  plural(counts.watched, 'watched film'),
  plural(counts.watchlist, 'film on your watchlist', 'films on your watchlist'),
  plural(counts.lists, 'list'),
]
