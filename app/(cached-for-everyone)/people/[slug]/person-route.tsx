import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { FilmCard } from '@/components/film-card'
import { findPersonBySlug, type PersonPage } from '@/db/films'
import type { CreditRole } from '@/db/schema'
import { ReadableUrl } from '@/components/readable-url'
import { plural } from '@/lib/format'

const loadPerson = cache(findPersonBySlug)

// The order a filmography is read in, and what each part is called.
const ROLE_HEADINGS: [CreditRole, string][] = [
  ['director', 'Directed'],
  ['writer', 'Wrote'],
  ['cinematographer', 'Shot'],
  ['composer', 'Scored'],
  ['cast', 'Acted in'],
]

export async function personMetadata(slug: string): Promise<Metadata> {
  const person = await loadPerson(slug)
  if (!person) return {}
  return {
    title: person.name,
    description: `Films with ${person.name} in the Kinofront catalogue of Soviet films of the Great Patriotic War.`,
    alternates: { canonical: `/people/${person.slug}` },
  }
}

function lifeYears({ birthYear, deathYear }: PersonPage) {
  if (birthYear && deathYear) return `${birthYear}–${deathYear}`
  if (birthYear) return `Born ${birthYear}`
  if (deathYear) return `Died ${deathYear}`
  return null
}

export async function PersonRoute({ slug }: { slug: string }) {
  const person = await loadPerson(slug)
  if (!person) notFound()
  const years = lifeYears(person)
  return (
    <>
      <h1>{person.name}</h1>
      {person.originalName && (
        <p className="original-title" lang="ru">
          {person.originalName}
        </p>
      )}
      {years && <p>{years}</p>}
      {person.otherNames.length > 0 && (
        <p className="muted">Also written {person.otherNames.join(', ')}</p>
      )}
      <p className="muted">{plural(person.films.length, 'film')} in the catalogue</p>
      {ROLE_HEADINGS.map(([role, heading]) => {
        const films = person.films.flatMap((film) => {
          const credit = film.credits.find((c) => c.role === role)
          return credit ? [{ film, character: credit.character }] : []
        })
        if (films.length === 0) return null
        return (
          <section key={role} aria-labelledby={`role-${role}`}>
            <h2 id={`role-${role}`}>{heading}</h2>
            <ul className="film-grid" aria-label={`${heading}: ${person.name}`}>
              {films.map(({ film, character }) => (
                <li key={film.slug}>
                  <FilmCard film={film} headingLevel={3} />
                  {character && <p className="muted">as {character}</p>}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
      {person.sources.length > 0 && (
        <section aria-labelledby="person-sources">
          <h2 id="person-sources">Sources</h2>
          <ul className="film-sources">
            {person.sources.map((url) => (
              <li key={url}>
                <a href={url} rel="nofollow noopener noreferrer">
                  <ReadableUrl url={url} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
