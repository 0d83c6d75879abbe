'use server'

import { deleteRating, saveRating } from '@/db/ratings'
import { memberAction } from '@/lib/action'
import { failure } from '@/lib/action-result'
import { invalidate } from '@/lib/invalidate'
import { FILM_NOT_FOUND } from '@/lib/rules/common'
import { RATING_FIELDS_IN_MESSAGE, rateSchema, removeRatingSchema } from '@/lib/rules/ratings'

/** The viewer's score as it now stands (null: not rated). */
type Rated = { score: number | null }
const options = { inMessage: RATING_FIELDS_IN_MESSAGE, returnTo: '/films' }

export const rateFilm = memberAction<typeof rateSchema, Rated>(
  rateSchema,
  async (input, { viewer }) => {
    const change = await saveRating(viewer, input)
    if (!change) return failure(FILM_NOT_FOUND)
    if (change.changed) await invalidate.filmRatings([change.film])
    return { ok: true, score: input.score }
  },
  options,
)

export const removeRating = memberAction<typeof removeRatingSchema, Rated>(
  removeRatingSchema,
  async ({ filmId }, { viewer }) => {
    const change = await deleteRating(viewer, filmId)
    if (!change) return failure(FILM_NOT_FOUND)
    if (change.changed) await invalidate.filmRatings([change.film])
    return { ok: true, score: null }
  },
  options,
)
