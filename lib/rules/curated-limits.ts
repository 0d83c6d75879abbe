// In a module light enough for the browser (lib/rules/curated.ts brings zod).

/** What one curated list file may hold; the importer and the curator's upload form share them. */
export const CURATED_LIMITS = {
  fileBytes: 1024 * 1024,
  entries: 500,
  textCharacters: 2000,
  titleCharacters: 200,
  slugCharacters: 80,
  firstFilmYear: 1895,
} as const
