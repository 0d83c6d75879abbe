import Link from 'next/link'
import type { ReactNode } from 'react'
import { HeaderSearch } from './header-search'
import { SiteNav } from './site-nav'

/**
 * One row: on a desktop everything shows; on a phone the brand and a "Menu" that opens without
 * JavaScript (a <details>), so the header stays under 64 px and the page starts on the first screen.
 */
export function SiteHeader({ account }: { account: ReactNode }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          Kinofront
        </Link>
        <details className="site-menu">
          <summary>Menu</summary>
          <div className="site-menu-body">
            <SiteNav />
            <div className="header-search">
              <HeaderSearch />
            </div>
            <div className="account">{account}</div>
          </div>
        </details>
      </div>
    </header>
  )
}
