import Link from 'next/link'
import type { ReactNode } from 'react'
import { FilmPoster } from '@/components/film-poster'
import { formatYears } from '@/lib/format'
import type { ListEntryView } from '@/db/list-queries'

type Props = { film: ListEntryView['film']; number: number; children?: ReactNode }

/** A list entry's film, numbered as it stands on the list, with the note or controls beside it. */
export function ListEntryFilm({ film, number, children }: Props) {
  return (
    <>
      <FilmPoster film={film} small />
      <div className="list-entry-body">
        <p className="entry-number">No. {number}</p>
        <h2 id={`entry-${film.id}-title`}>
          <Link href={`/films/${film.slug}`}>{film.title}</Link>{' '}
          <span className="muted">({formatYears(film)})</span>
        </h2>
        {children}
      </div>
    </>
  )
}
