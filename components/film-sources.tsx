import type { FactSources } from '@/db/films'
import type { FilmFact } from '@/db/schema'
import { readableUrl } from '@/lib/format'

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

/** Where each fact on the page comes from, with a note where the sources disagree. */
export function FilmSources({ sources }: { sources: FactSources[] }) {
  if (sources.length === 0) return null
  return (
    <section aria-labelledby="film-sources">
      <h2 id="film-sources">Sources</h2>
      <dl className="film-sources">
        {sources.map(({ fact, urls, note }) => (
          <div key={fact}>
            <dt>{FACT_LABELS[fact]}</dt>
            <dd>
              <ul>
                {urls.map((url) => (
                  <li key={url}>
                    <a href={url} rel="nofollow noopener noreferrer">
                      {readableUrl(url)}
                    </a>
                  </li>
                ))}
              </ul>
              {note && <p className="muted">{note}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
