import 'server-only'
/** Folds text for search and sorting: lower case, no diacritics (so ё = е), single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** A URL slug from a title or a name: "The Alive and the Dead" → "the-alive-and-the-dead". */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/['’ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/** Sort key for titles: folded, with a leading English article dropped. */
export function sortTitle(title: string): string {
  return foldText(title).replace(/^(the|a|an) /, '')
}

/**
 * Turns what a person typed into an FTS5 query: every word must match the start of a word
 * in the film's index, so "журавли", "zhuravli" and "Cranes" all find The Cranes Are Flying.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = foldText(input).match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  return words
    .slice(0, 12)
    .map((word) => `"${word}"*`)
    .join(' ')
}
