import 'server-only'
import type { Executor } from './executor'
import { films, filmSlugAliases } from './schema'
import { titleKey } from './title-key'

export type CatalogueFilm = {
  id: number
  slug: string
  title: string
  yearStart: number
  yearEnd: number | null
  synopsis: string | null
}

export type FilmMatch =
  | { kind: 'film'; film: CatalogueFilm }
  | { kind: 'ambiguous'; films: CatalogueFilm[] }
  | { kind: 'none' }

export type FilmMatcher = {
  films: readonly CatalogueFilm[]
  match(title: string, yearStart: number, yearEnd: number | null): FilmMatch
  /** Adds a film created during an import, so a later entry of the same file finds it. */
  add(film: CatalogueFilm): void
}

/**
 * Finds a listed title's catalogue film. The slug, old slugs and English title are asked first,
 * then alternative, original, transliterated and local titles; when a title fits several films,
 * the listed year picks one, and otherwise the match is ambiguous.
 */
export async function loadFilmMatcher(db: Executor): Promise<FilmMatcher> {
  const rows = await db
    .select({
      id: films.id,
      slug: films.slug,
      title: films.title,
      yearStart: films.yearStart,
      yearEnd: films.yearEnd,
      synopsis: films.synopsis,
      altTitles: films.altTitles,
      originalTitle: films.originalTitle,
      transliteration: films.transliteration,
      localTitles: films.localTitles,
    })
    .from(films)
  const aliases = await db.select().from(filmSlugAliases)
  const catalogue: CatalogueFilm[] = []
  const byId = new Map<number, CatalogueFilm>()
  const primary = new Map<string, Set<number>>()
  const secondary = new Map<string, Set<number>>()
  const index = (keys: Map<string, Set<number>>, key: string, id: number) => {
    if (key === '') return
    keys.set(key, (keys.get(key) ?? new Set()).add(id))
  }
  const addFilm = (film: CatalogueFilm) => {
    catalogue.push(film)
    byId.set(film.id, film)
    index(primary, titleKey(film.slug.replace(/-/g, ' ')), film.id)
    index(primary, titleKey(film.title), film.id)
  }
  for (const { altTitles, originalTitle, transliteration, localTitles, ...film } of rows) {
    addFilm(film)
    const others = [...altTitles, originalTitle, transliteration, ...localTitles.map((t) => t.title)] // prettier-ignore
    for (const title of others) if (title) index(secondary, titleKey(title), film.id)
  }
  for (const alias of aliases) {
    index(primary, titleKey(alias.slug.replace(/-/g, ' ')), alias.filmId)
  }

  return {
    films: catalogue,
    add: addFilm,
    match(title, yearStart, yearEnd) {
      const key = titleKey(title)
      const ids = primary.get(key) ?? secondary.get(key)
      const candidates = [...(ids ?? [])].map((id) => byId.get(id)!)
      if (candidates.length === 0) return { kind: 'none' }
      if (candidates.length === 1) return { kind: 'film', film: candidates[0]! }
      const sameYears = candidates.filter((f) => f.yearStart === yearStart && f.yearEnd === yearEnd)
      if (sameYears.length === 1) return { kind: 'film', film: sameYears[0]! }
      return { kind: 'ambiguous', films: candidates }
    },
  }
}

export const filmYears = (film: { yearStart: number; yearEnd: number | null }) =>
  film.yearEnd ? `${film.yearStart}–${film.yearEnd}` : `${film.yearStart}`
