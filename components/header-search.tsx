'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { Suspense } from 'react'

const ID = 'header-search'

/**
 * The site's one search box. On the catalogue it shows the current query and keeps the other
 * filters, so /films needs no second box; elsewhere it starts empty.
 */
export function HeaderSearch() {
  // Pages rendered for everyone are built without a request: they get the empty box.
  return (
    <Suspense fallback={<SearchForm query="" keep={[]} />}>
      <CurrentSearch />
    </Suspense>
  )
}

function CurrentSearch() {
  const onCatalogue = usePathname() === '/films'
  const params = useSearchParams()
  if (!onCatalogue) return <SearchForm query="" keep={[]} />
  const keep = [...params].filter(([name]) => name !== 'q' && name !== 'page')
  return <SearchForm query={params.get('q') ?? ''} keep={keep} />
}

function SearchForm({ query, keep }: { query: string; keep: [string, string][] }) {
  return (
    <form
      action="/films"
      method="get"
      role="search"
      aria-label="Site search"
      className="search-form"
    >
      <label htmlFor={ID} className="visually-hidden">
        Search films
      </label>
      <input
        id={ID}
        key={query}
        type="search"
        name="q"
        defaultValue={query}
        placeholder="Title or name"
        autoComplete="off"
        maxLength={200}
      />
      {keep.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button">
        Search
      </button>
    </form>
  )
}
