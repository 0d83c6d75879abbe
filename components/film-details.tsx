import Link from 'next/link'
import type { ReactNode } from 'react'
import type { CuratedMention, FilmDetails } from '@/db/films'
import { CorrectionNotes } from './correction-note'
import { FilmPoster } from './film-poster'
import { colourLabels, formatRuntime, formatYears } from '@/lib/format'
import { FilmSources } from './film-sources'
import { PersonLinks } from './person-links'
import type { PersonLink } from '@/db/catalogue'
import { curatorNotesId } from '@/lib/curator-notes'
import { LongText } from './long-text'

type Props = {
  film: FilmDetails
  /** Everyone's ratings of the film. */
  ratingSummary: ReactNode
  /** The viewer's own rating, watchlist and lists, or a way to sign in. */
  personal: ReactNode
}

export function FilmDetailsView({ film, ratingSummary, personal }: Props) {
  return (
    <article>
      <div className="film-hero">
        <FilmPoster film={film} />
        <div>
          <h1>{film.title}</h1>
          {film.originalTitle && (
            <p className="original-title" lang="ru">
              {film.originalTitle}
            </p>
          )}
          {film.transliteration && <p className="transliteration">{film.transliteration}</p>}
          {/* What a phone shows on its first screen: the year, who directed it, then the
              person's own rating; the other facts follow. */}
          <dl className="facts">
            <dt>Year</dt>
            <dd>{formatYears(film)}</dd>
            <CreditFact label={['Director', 'Directors']} people={film.directors} />
            {film.runtimeMinutes && (
              <>
                <dt>Running time</dt>
                <dd>{formatRuntime(film.runtimeMinutes, film.runtimeNote)}</dd>
              </>
            )}
          </dl>
          {personal}
          <dl className="facts">
            <CreditFact label={['Writer', 'Writers']} people={film.writers} />
            <CreditFact
              label={['Cinematographer', 'Cinematographers']}
              people={film.cinematographers}
            />
            <CreditFact label={['Composer', 'Composers']} people={film.composers} />
            {film.cast.length > 0 && (
              <>
                <dt>Cast</dt>
                <dd>
                  <CastList cast={film.cast} />
                </dd>
              </>
            )}
            {film.studios.length > 0 && (
              <>
                <dt>{film.studios.length === 1 ? 'Studio' : 'Studios'}</dt>
                <dd>{film.studios.join(', ')}</dd>
              </>
            )}
            {film.colour && (
              <>
                <dt>Colour</dt>
                <dd>{colourLabels[film.colour]}</dd>
              </>
            )}
            {film.country && (
              <>
                <dt>Country</dt>
                <dd>{film.country}</dd>
              </>
            )}
            {film.altTitles.length > 0 && (
              <>
                <dt>Also known as</dt>
                <dd>{film.altTitles.join(', ')}</dd>
              </>
            )}
            {film.localTitles.map((local) => (
              <LocalTitleFact key={local.lang} {...local} />
            ))}
          </dl>
        </div>
      </div>

      {ratingSummary}

      {film.synopsis && (
        <>
          <h2>About the film</h2>
          <p className="lede">{film.synopsis}</p>
        </>
      )}

      {film.parts.length > 0 && (
        <>
          <h2>The {film.parts.length} films</h2>
          <ol>
            {film.parts.map((part) => (
              <li key={part.title}>
                {part.title} ({part.year})
              </li>
            ))}
          </ol>
        </>
      )}

      {film.curated.map((mention) => (
        <CuratedMentionView key={mention.list.slug} mention={mention} filmTitle={film.title} />
      ))}

      <FilmSources sources={film.sources} />
    </article>
  )
}

const LANGUAGE_NAMES: Record<string, string> = {
  be: 'Belarusian title',
  et: 'Estonian title',
  hy: 'Armenian title',
  ka: 'Georgian title',
  kk: 'Kazakh title',
  lt: 'Lithuanian title',
  lv: 'Latvian title',
  uk: 'Ukrainian title',
}

function CreditFact({ label, people }: { label: [string, string]; people: PersonLink[] }) {
  if (people.length === 0) return null
  return (
    <>
      <dt>{people.length === 1 ? label[0] : label[1]}</dt>
      <dd>
        <PersonLinks people={people} />
      </dd>
    </>
  )
}

function CastList({ cast }: { cast: FilmDetails['cast'] }) {
  return (
    <ul className="cast-list">
      {cast.map((person) => (
        <li key={person.slug}>
          <Link href={`/people/${person.slug}`}>{person.name}</Link>
          {person.character && <span className="muted"> as {person.character}</span>}
        </li>
      ))}
    </ul>
  )
}

function LocalTitleFact({ lang, title }: { lang: string; title: string }) {
  return (
    <>
      <dt>{LANGUAGE_NAMES[lang] ?? 'Original title'}</dt>
      <dd lang={lang}>{title}</dd>
    </>
  )
}

function CuratedMentionView({
  mention,
  filmTitle,
}: {
  mention: CuratedMention
  filmTitle: string
}) {
  const about = (...fields: string[]) => mention.corrections.filter((c) => fields.includes(c.field))
  return (
    <section aria-labelledby={curatorNotesId(mention.list.slug)}>
      <h2 id={curatorNotesId(mention.list.slug)}>In the curated list</h2>
      <p>
        No. {mention.position + 1} in{' '}
        <Link href={mention.list.featured ? '/' : `/curated/${mention.list.slug}`}>
          {mention.list.title}
        </Link>
        {mention.listedTitle !== filmTitle || about('year').length > 0 ? (
          <>
            , listed as “{mention.listedTitle} ({mention.listedYear})”.
          </>
        ) : (
          '.'
        )}
      </p>
      <CorrectionNotes corrections={about('title', 'year')} />
      <h3>The curator’s description</h3>
      <blockquote className="curator">
        <LongText text={mention.description} label="the description" />
      </blockquote>
      <CorrectionNotes corrections={about('description')} />
      <h3>The curator’s fact</h3>
      <blockquote className="curator">
        <LongText text={mention.fact} label="the fact" />
      </blockquote>
      <CorrectionNotes corrections={about('fact')} />
    </section>
  )
}
