import Link from 'next/link'
import type { FilmEntry } from '@/db/diary'
import { starsLabel } from '@/components/rating/rating-format'
import { formatDay } from './diary-format'

/** The viewer's own entries for one film, each with a way to edit it. */
export function FilmEntries({ entries }: { entries: FilmEntry[] }) {
  if (entries.length === 0) return null
  return (
    <ul className="film-entries" aria-label="Your diary entries">
      {entries.map((entry) => (
        <li key={entry.id}>
          <span id={`entry-${entry.id}`}>
            Watched {formatDay(entry.watchedOn)}
            {entry.score !== null && <> · {starsLabel(entry.score)}</>}
            {entry.rewatch && <> · rewatch</>}
          </span>{' '}
          <Link href={`/diary/entries/${entry.id}`} aria-describedby={`entry-${entry.id}`}>
            Edit entry
          </Link>
        </li>
      ))}
    </ul>
  )
}
