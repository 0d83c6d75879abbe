import Link from 'next/link'
import type { CuratedListView as CuratedListData } from '@/db/curated'
import { CorrectionNotes } from './correction-note'
import { FilmPoster } from './film-poster'
import { formatYears } from '@/lib/format'
import { curatorNotesId } from '@/lib/curator-notes'
import { LongText } from './long-text'
import { PersonLinks } from './person-links'

export function CuratedListView({ list }: { list: CuratedListData }) {
  return (
    <>
      <h1>{list.title}</h1>
      <div className="lede">
        <LongText text={list.introduction} label="the introduction" />
      </div>
      <CorrectionNotes corrections={list.corrections} />
      <ol className="curated-entries" aria-label="Films in the curated list">
        {list.entries.map((entry) => {
          const film = entry.film
          const corrected = entry.corrections.filter((c) => c.verdict === 'corrected')
          if (!film) {
            return (
              <li key={`listed:${entry.position}`} className="film-entry">
                <div>
                  <p className="entry-number">No. {entry.position + 1}</p>
                  <h2>
                    {entry.listedTitle} <span className="muted">({entry.listedYear})</span>
                  </h2>
                  <p className="marker">Not in our catalogue</p>
                  <div className="curator-text">
                    <LongText text={entry.description} label="the description" />
                  </div>
                </div>
              </li>
            )
          }
          return (
            <li key={film.slug} className="film-entry">
              <FilmPoster film={film} small />
              <div>
                <p className="entry-number">No. {entry.position + 1}</p>
                <h2>
                  <Link href={`/films/${film.slug}`}>{film.title}</Link>{' '}
                  <span className="muted">({formatYears(film)})</span>
                </h2>
                {(entry.listedTitle !== film.title || entry.listedYear !== formatYears(film)) && (
                  <p className="byline">
                    Listed as “{entry.listedTitle} ({entry.listedYear})”
                  </p>
                )}
                <p className="byline">
                  Directed by <PersonLinks people={film.directors} />
                </p>
                <div className="curator-text">
                  <LongText text={entry.description} label="the description" />
                </div>
                {corrected.length > 0 && (
                  <Link
                    className="marker"
                    href={`/films/${film.slug}#${curatorNotesId(list.slug)}`}
                  >
                    {corrected.length === 1 ? '1 correction' : `${corrected.length} corrections`}
                    <span className="visually-hidden"> to the entry for {film.title}</span>
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
