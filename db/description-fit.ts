import 'server-only'
import type { CatalogueFilm } from './film-matcher'
import { foldText } from './search-text'

// Words too common in film descriptions to tell one film from another.
const STOP_WORDS = new Set(
  (
    'the and for that with this from into its his her their they them who whom which what when ' +
    'where while during about after before between against through over under but not only also ' +
    'are was were been being has have had one film films story tale war soviet world ii wwii ' +
    'great patriotic movie depiction portrayal focusing focuses follows set theme themes ' +
    'showcasing offering capturing exploring highlighting'
  ).split(' '),
)

function wordsOf(text: string): Set<string> {
  const words = foldText(text).match(/\p{L}+/gu) ?? []
  return new Set(
    words
      .map((w) => w.replace(/(?:'s|’s|s)$/, ''))
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w)),
  )
}

/** A description a curator gave a film in some list, not judged wrong. */
export type KnownDescription = { filmId: number; description: string }

export type DescriptionFit = { film: CatalogueFilm }

/**
 * Finds the film a curator's description more probably belongs to than the entry's own film:
 * one whose synopsis it fits clearly better (shared words, rarer words counting more), or one
 * that another list already describes in nearly the same words. Tuned to flag only clear cases:
 * descriptions in these articles are generic, and a false flag would be shown publicly.
 */
export function descriptionFitter(
  catalogue: readonly CatalogueFilm[],
  known: readonly KnownDescription[],
) {
  const byId = new Map(catalogue.map((film) => [film.id, film]))
  const synopses = new Map(catalogue.map((film) => [film.id, wordsOf(film.synopsis ?? '')]))
  const documentCount = new Map<string, number>()
  for (const words of synopses.values()) {
    for (const w of words) documentCount.set(w, (documentCount.get(w) ?? 0) + 1)
  }
  const weight = (word: string) => Math.log((catalogue.length + 1) / (documentCount.get(word) ?? 0))
  const knownWords = known.map((k) => ({ filmId: k.filmId, words: wordsOf(k.description) }))

  /** How much of the description (weighted by rarity) the film's synopsis shares. */
  function synopsisFit(words: string[], filmId: number) {
    const known = words.filter((w) => documentCount.has(w))
    const total = known.reduce((sum, w) => sum + weight(w), 0)
    const synopsis = synopses.get(filmId)
    if (total === 0 || !synopsis) return { shared: 0, score: 0 }
    const shared = known.filter((w) => synopsis.has(w))
    return { shared: shared.length, score: shared.reduce((s, w) => s + weight(w), 0) / total }
  }

  function bySynopsis(words: string[], ownFilmId: number): CatalogueFilm | null {
    const own = synopsisFit(words, ownFilmId)
    let best: { film: CatalogueFilm; shared: number; score: number } | null = null
    for (const film of catalogue) {
      if (film.id === ownFilmId || !film.synopsis) continue
      const candidate = { film, ...synopsisFit(words, film.id) }
      if (!best || candidate.score > best.score) best = candidate
    }
    const clear = best && best.shared >= 3 && best.score >= 0.5 && best.score >= 3 * own.score
    return clear ? best!.film : null
  }

  // Two entries described alike: the synopses say which of the two films the words belong to.
  function byKnownDescription(words: Set<string>, ownFilmId: number): CatalogueFilm | null {
    const list = [...words]
    for (const other of knownWords) {
      if (other.filmId === ownFilmId) continue
      const shared = list.filter((w) => other.words.has(w)).length
      const union = new Set([...list, ...other.words]).size
      if (union === 0 || shared / union < 0.6) continue
      if (synopsisFit(list, other.filmId).score > synopsisFit(list, ownFilmId).score) {
        return byId.get(other.filmId) ?? null
      }
    }
    return null
  }

  return function betterFit(description: string, ownFilmId: number): DescriptionFit | null {
    const words = wordsOf(description)
    const film = byKnownDescription(words, ownFilmId) ?? bySynopsis([...words], ownFilmId)
    return film ? { film } : null
  }
}
