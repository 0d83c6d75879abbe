import Link from 'next/link'
import type { FilmCard as FilmCardData } from '@/db/catalogue'
import { FilmPoster } from './film-poster'
import { formatYears } from './format'

export function FilmCard({ film, headingLevel = 2 }: { film: FilmCardData; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const
  return (
    <article className="film-card">
      <FilmPoster film={film} small />
      <div>
        <Heading>
          <Link href={`/films/${film.slug}`}>{film.title}</Link>
        </Heading>
        {film.originalTitle && (
          <p lang={film.originalLanguage ?? undefined}>{film.originalTitle}</p>
        )}
        <p className="muted">
          {formatYears(film)}
          {film.directors.length > 0 && <> · {film.directors.map((d) => d.name).join(', ')}</>}
          {film.runtimeMinutes && <> · {film.runtimeMinutes} min</>}
        </p>
      </div>
    </article>
  )
}
