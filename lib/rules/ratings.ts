import { z } from 'zod'
import { MAX_SCORE, MIN_SCORE } from '../scores'
import { digits, filmIdSchema } from './common'

export const SCORE_MISSING = 'Choose a rating from 0.5 to 5 stars.'

const scoreSchema = digits(SCORE_MISSING).pipe(
  z.number().min(MIN_SCORE, SCORE_MISSING).max(MAX_SCORE, SCORE_MISSING),
)

export const rateSchema = z.object({ filmId: filmIdSchema, score: scoreSchema })
export const removeRatingSchema = z.object({ filmId: filmIdSchema })

/** The rating form shows one message: its ids are hidden and the stars have no error slot. */
export const RATING_FIELDS_IN_MESSAGE = ['filmId', 'score'] as const
