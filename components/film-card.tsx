import Link from 'next/link'
import type { ReactNode } from 'react'
import type { FilmCard as FilmCardData } from '@/db/catalogue'
import { FilmPoster } from './film-poster'
import { formatYears } from '@/lib/format'

type Props = {
  film: FilmCardData
  headingLevel?: 2 | 3
  /** A line under the facts, e.g. the average rating. */
  extra?: ReactNode
  /** Controls for the signed-in person, e.g. the watchlist button. */
  actions?: ReactNode
}

export function FilmCard({ film, headingLevel = 2, extra, actions }: Props) {
  const Heading = `h${headingLevel}` as const
  return (
    <article className="film-card">
      <FilmPoster film={film} small />
      <div>
        <Heading>
          <Link href={`/films/${film.slug}`}>{film.title}</Link>
        </Heading>
        {film.originalTitle && <p lang="ru">{film.originalTitle}</p>}
        <p className="muted">
          {formatYears(film)}
          {film.directors.length > 0 && <> · {film.directors.map((d) => d.name).join(', ')}</>}
          {film.runtimeMinutes && <> · {film.runtimeMinutes} min</>}
        </p>
        {extra}
        {actions}
      </div>
    </article>
  )
}
