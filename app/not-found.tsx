import Link from 'next/link'
import { SearchBox } from '@/components/search-box'
import { SignInLink } from '@/components/sign-in-link'
import { SiteHeader } from '@/components/site-header'

export default function NotFound() {
  return (
    <>
      <SiteHeader account={<SignInLink />} />
      <main id="main" tabIndex={-1}>
        <h1>Page not found</h1>
        <p className="lede">
          There is no page at this address. The film may be listed under another title — search the
          catalogue, or go back to <Link href="/">the curated list</Link>.
        </p>
        <SearchBox id="not-found-search" landmark="Search the catalogue" />
        <p>
          <Link href="/films">Browse all films</Link>
        </p>
      </main>
    </>
  )
}
