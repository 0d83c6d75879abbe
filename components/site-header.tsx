import Link from 'next/link'
import type { ReactNode } from 'react'
import { SearchBox } from './search-box'
import { SiteNav } from './site-nav'

export function SiteHeader({ account }: { account: ReactNode }) {
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
        <div className="account">{account}</div>
      </div>
    </header>
  )
}
