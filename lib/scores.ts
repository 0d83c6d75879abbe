/** Scores are half stars: 1 = ½ star … 10 = 5 stars (the range the ratings table allows). */
export const MIN_SCORE = 1
export const MAX_SCORE = 10
export const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const
