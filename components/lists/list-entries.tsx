import Link from 'next/link'
import type { ListEntryView } from '@/db/list-queries'
import { ListEntryFilm } from './list-entry-film'
import './lists.css'

type Props = {
  entries: ListEntryView[]
  /** The owner is told how to fill an empty list. */ forOwner?: boolean
}

/** A list as everyone reads it, its owner too (who edits it on its own page). */
export function ListEntries({ entries, forOwner = false }: Props) {
  if (entries.length === 0 && forOwner) {
    return (
      <p>
        This list is empty. Add films from a film’s page with <strong>Add to list</strong>, or{' '}
        <Link href="/films">browse all films</Link>.
      </p>
    )
  }
  if (entries.length === 0) return <p className="muted">There are no films on this list yet.</p>
  return (
    <ol className="list-entries" aria-label="Films on this list">
      {entries.map((entry, index) => (
        <li key={entry.film.id} className="film-entry">
          <ListEntryFilm film={entry.film} number={index + 1}>
            {entry.note && <p className="list-note">{entry.note}</p>}
          </ListEntryFilm>
        </li>
      ))}
    </ol>
  )
}
