// Which catalogue film a row of an export names: by our film URL, then by title and year (the
// English, alternative, original and transliterated titles, ignoring case, diacritics, a leading
// article and punctuation). A year off by one still matches, flagged for the person to check.

export type CatalogueFilm = {
  id: number
  slug: string
  title: string
  yearStart: number
  yearEnd: number | null
  titles: string[]
}

export type FilmMatch = { filmId: number; title: string; year: number; yearOff: boolean }

/** A title as the matcher compares it: "The Cranes Are Flying!" → "cranes are flying". */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(the|a|an) /, '')
}

export function filmMatcher(films: CatalogueFilm[], aliases: { slug: string; filmId: number }[]) {
  const bySlug = new Map(films.map((film) => [film.slug, film]))
  const byId = new Map(films.map((film) => [film.id, film]))
  for (const alias of aliases) {
    const film = byId.get(alias.filmId)
    if (film && !bySlug.has(alias.slug)) bySlug.set(alias.slug, film)
  }
  const byTitle = new Map<string, CatalogueFilm[]>()
  for (const film of films) {
    for (const key of new Set(film.titles.map(titleKey).filter(Boolean))) {
      byTitle.set(key, [...(byTitle.get(key) ?? []), film])
    }
  }
  const found = (film: CatalogueFilm, yearOff: boolean): FilmMatch => ({
    filmId: film.id,
    title: film.title,
    year: film.yearStart,
    yearOff,
  })

  return function match({ name, year, url }: { name: string; year: number | null; url: string }) {
    const slug = slugOfUrl(url)
    const byUrl = slug === null ? undefined : bySlug.get(slug)
    if (byUrl) return found(byUrl, false)
    const candidates = byTitle.get(titleKey(name)) ?? []
    if (year === null) return candidates.length === 1 ? found(candidates[0]!, false) : null
    const distance = (film: CatalogueFilm) =>
      year < film.yearStart ? film.yearStart - year : Math.max(0, year - (film.yearEnd ?? film.yearStart)) // prettier-ignore
    const exact = candidates.find((film) => distance(film) === 0)
    if (exact) return found(exact, false)
    const near = candidates.find((film) => distance(film) === 1)
    return near ? found(near, true) : null
  }
}

/** The slug in one of our film URLs (any host: an export from another Kinofront counts too). */
function slugOfUrl(url: string): string | null {
  if (!URL.canParse(url)) return null
  const found = /^\/films\/([^/]+)\/?$/.exec(new URL(url).pathname)
  if (!found) return null
  try {
    return decodeURIComponent(found[1]!)
  } catch {
    return null
  }
}
