import Link from 'next/link'
import type { CuratedListView as CuratedListData } from '@/db/curated'
import { CorrectionNotes } from './correction-note'
import { FilmPoster } from './film-poster'
import { formatYears } from '@/lib/format'
import { PersonLinks } from './person-links'

export function CuratedListView({ list }: { list: CuratedListData }) {
  return (
    <>
      <h1>{list.title}</h1>
      <p className="lede">{list.introduction}</p>
      <CorrectionNotes corrections={list.corrections} />
      <ol className="curated-entries" aria-label="Films in the curated list">
        {list.entries.map((entry) => {
          const corrected = entry.corrections.filter((c) => c.verdict === 'corrected')
          return (
            <li key={entry.film.slug} className="film-entry">
              <FilmPoster film={entry.film} small />
              <div>
                <p className="entry-number">No. {entry.position + 1}</p>
                <h2>
                  <Link href={`/films/${entry.film.slug}`}>{entry.film.title}</Link>{' '}
                  <span className="muted">({formatYears(entry.film)})</span>
                </h2>
                {(entry.listedTitle !== entry.film.title ||
                  entry.listedYear !== formatYears(entry.film)) && (
                  <p className="byline">
                    Listed as “{entry.listedTitle} ({entry.listedYear})”
                  </p>
                )}
                <p className="byline">
                  Directed by <PersonLinks people={entry.film.directors} />
                </p>
                <p className="curator-text">{entry.description}</p>
                {corrected.length > 0 && (
                  <Link className="marker" href={`/films/${entry.film.slug}#curator-notes`}>
                    {corrected.length === 1 ? '1 correction' : `${corrected.length} corrections`}
                    <span className="visually-hidden"> to the entry for {entry.film.title}</span>
                  </Link>
                )}
              </div>
            </li>
          )
        })}
      </ol>
    </>
  )
}
