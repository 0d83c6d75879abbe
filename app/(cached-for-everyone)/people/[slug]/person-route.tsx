import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { FilmCard } from '@/components/film-card'
import { plural } from '@/lib/format'
import { findPersonBySlug } from '@/db/films'

const loadPerson = cache(findPersonBySlug)

const ROLE_LABELS: Record<string, string> = { director: 'Director', cast: 'Cast' }

export async function personMetadata(slug: string): Promise<Metadata> {
  const person = await loadPerson(slug)
  if (!person) return {}
  return {
    title: person.name,
    description: `Films with ${person.name} in the Kinofront catalogue of Soviet films of the Great Patriotic War.`,
    alternates: { canonical: `/people/${person.slug}` },
  }
}

export async function PersonRoute({ slug }: { slug: string }) {
  const person = await loadPerson(slug)
  if (!person) notFound()
  return (
    <>
      <h1>{person.name}</h1>
      <p className="muted">{plural(person.films.length, 'film')} in the catalogue</p>
      <ul className="film-grid" aria-label={`Films with ${person.name}`}>
        {person.films.map((film) => (
          <li key={film.slug}>
            <FilmCard film={film} />
            <p className="muted">{film.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
