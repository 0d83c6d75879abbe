import { config } from '@/config'
import type { FilmDetails } from '@/db/films'

/** schema.org Movie data, serialised so that no "</script>" can close the tag early. */
export function filmJsonLd(film: FilmDetails, description: string): string {
  const url = `${config().siteUrl}/films/${film.slug}`
  const person = (p: { slug: string; name: string }) => ({
    '@type': 'Person',
    name: p.name,
    url: `${config().siteUrl}/people/${p.slug}`,
  })
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Movie',
    '@id': url,
    url,
    name: film.title,
    alternateName: [film.originalTitle, film.transliteration, ...film.altTitles].filter(Boolean),
    inLanguage: film.originalLanguage ?? undefined,
    dateCreated: String(film.yearStart),
    duration: film.runtimeMinutes ? `PT${film.runtimeMinutes}M` : undefined,
    director: film.directors.map(person),
    actor: film.cast.map(person),
    productionCompany: film.studios.map((name) => ({ '@type': 'Organization', name })),
    countryOfOrigin: film.country ? { '@type': 'Country', name: film.country } : undefined,
    description,
  }
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
