import Link from 'next/link'
import { connection } from 'next/server'
import { CorrectionNotes } from '@/components/correction-note'
import { FilmPoster } from '@/components/film-poster'
import { formatYears } from '@/components/format'
import { PersonLinks } from '@/components/person-links'
import { featuredCuratedList } from '@/db/curated'

export default async function HomePage() {
  await connection()
  const list = await featuredCuratedList()
  if (!list) {
    return (
      <>
        <h1>Kinofront</h1>
        <p>
          No curated list has been loaded yet. Browse <Link href="/films">all films</Link>.
        </p>
      </>
    )
  }
  return (
    <>
      <h1>{list.title}</h1>
      <p className="lede">{list.introduction}</p>
      <CorrectionNotes corrections={list.corrections} />
      <ol className="curated-entries" aria-label="Films in the curated list">
        {list.entries.map((entry) => {
          const corrected = entry.corrections.filter((c) => c.verdict === 'corrected')
          return (
            <li key={entry.film.slug} className="curated-entry">
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
