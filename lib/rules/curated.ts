import { z } from 'zod'

/** What one curated list file may hold; the importer and the curator's upload form share them. */
export const CURATED_LIMITS = {
  fileBytes: 1024 * 1024,
  entries: 500,
  textCharacters: 2000,
  titleCharacters: 200,
  slugCharacters: 80,
  firstFilmYear: 1895,
} as const

export const LIST_SLUG_RULE = 'may use only lower-case letters a–z, digits and single hyphens'

/** A curated list's slug as it appears in /curated/<slug>. */
export const listSlugSchema = z
  .string()
  .trim()
  .min(1, { error: 'Give the list a slug, e.g. "films-about-partisans"' })
  .max(CURATED_LIMITS.slugCharacters, {
    error: `A list slug has at most ${CURATED_LIMITS.slugCharacters} characters`,
  })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `A list slug ${LIST_SLUG_RULE}` })
