import Link from 'next/link'
import { catalogueSorts, sortLabels, type CatalogueQuery } from '@/db/catalogue-query'
import { filmColours } from '@/db/schema'
import { colourLabels } from '@/lib/format'

type Props = {
  query: CatalogueQuery
  decades: number[]
  studios: string[]
  directorText: string | null
  directorHint: string
}

/**
 * The catalogue's filters and sort: a GET form, so every view has its own URL. The search itself
 * is the header's box (which shows the query here); this form carries the query along.
 */
export function CatalogueFilters({ query, decades, studios, directorText, directorHint }: Props) {
  const filtered = Boolean(
    query.q || query.decade || query.director || query.person || query.studio || query.colour,
  )
  const sorts = catalogueSorts.filter((sort) => sort !== 'relevance' || query.q)
  return (
    <form action="/films" method="get" className="catalogue-controls" aria-label="Filter films">
      {query.q && <input type="hidden" name="q" value={query.q} />}
      <ChoiceFilter
        name="decade"
        label="Decade"
        any="Any decade"
        value={query.decade}
        options={decades.map((d) => [String(d), `${d}s`])}
      />
      <TextFilter name="director" label="Director" value={directorText} hint={directorHint} />
      <TextFilter
        name="person"
        label="Person"
        value={query.person}
        hint="Anyone credited: cast, writers, camera, music"
      />
      <ChoiceFilter
        name="studio"
        label="Studio"
        any="Any studio"
        value={query.studio}
        options={studios.map((s) => [s, s])}
      />
      <ChoiceFilter
        name="colour"
        label="Colour"
        any="Any"
        value={query.colour}
        options={filmColours.map((c) => [c, colourLabels[c]])}
      />
      <ChoiceFilter
        name="sort"
        label="Sort by"
        value={query.sort}
        options={sorts.map((s) => [s, sortLabels[s]])}
      />
      <button type="submit" className="button">
        Show films
      </button>
      {filtered && (
        <Link href="/films" className="button button-quiet">
          Clear
        </Link>
      )}
    </form>
  )
}

type FilterProps = { name: string; label: string; value: string | number | null }

function TextFilter({ name, label, value, hint }: FilterProps & { hint: string }) {
  const id = `catalogue-${name}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        name={name}
        defaultValue={value ?? ''}
        maxLength={100}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  )
}

function ChoiceFilter({
  name,
  label,
  value,
  any,
  options,
}: FilterProps & { any?: string; options: [string, string][] }) {
  const id = `catalogue-${name}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        {any && <option value="">{any}</option>}
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}
