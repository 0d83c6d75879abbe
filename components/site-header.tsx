import Link from 'next/link'
import { SearchBox } from './search-box'
import { SiteNav } from './site-nav'

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          Kinofront
        </Link>
        <SiteNav />
        <div className="header-search">
          <SearchBox id="header-search" landmark="Site search" />
        </div>
      </div>
    </header>
  )
}
