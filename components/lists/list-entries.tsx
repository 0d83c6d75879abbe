import type { ListEntryView } from '@/db/list-queries'
import { ListEntryFilm } from './list-entry-film'
import './lists.css'

/** A list as everyone but its owner sees it. */
export function ListEntries({ entries }: { entries: ListEntryView[] }) {
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
