import type { FactSources } from '@/db/films'
import type { FilmFact } from '@/db/schema'
import { ReadableUrl } from './readable-url'

const FACT_LABELS: Record<FilmFact, string> = {
  titles: 'Titles',
  year: 'Year',
  directors: 'Direction',
  writers: 'Writing',
  cinematographers: 'Cinematography',
  composers: 'Music',
  cast: 'Cast',
  studios: 'Studio',
  runtime: 'Running time',
  colour: 'Colour',
  synopsis: 'Synopsis',
}

/**
 * Where the page's facts come from: each source once, with the facts it supports, then the notes
 * where sources disagree.
 */
export function FilmSources({ sources }: { sources: FactSources[] }) {
  if (sources.length === 0) return null
  const byUrl = new Map<string, FilmFact[]>()
  for (const { fact, urls } of sources) {
    for (const url of urls) byUrl.set(url, [...(byUrl.get(url) ?? []), fact])
  }
  const notes = sources.filter((s) => s.note)
  return (
    <section aria-labelledby="film-sources">
      <h2 id="film-sources">Sources</h2>
      <ul className="film-sources">
        {[...byUrl].map(([url, facts]) => (
          <li key={url}>
            <a href={url} rel="nofollow noopener noreferrer">
              <ReadableUrl url={url} />
            </a>
            <span className="muted">
              {' '}
              —{' '}
              {facts
                .map((f, i) => (i === 0 ? FACT_LABELS[f] : FACT_LABELS[f].toLowerCase()))
                .join(', ')}
            </span>
          </li>
        ))}
      </ul>
      {notes.length > 0 && (
        <>
          <h3>Where the sources differ</h3>
          <ul className="film-source-notes">
            {notes.map(({ fact, note }) => (
              <li key={fact}>
                <strong>{FACT_LABELS[fact]}:</strong> {note}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
