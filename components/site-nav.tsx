'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

const LINKS = [
  { href: '/', label: 'Curated list' },
  { href: '/films', label: 'All films' },
  { href: '/decades', label: 'By decade' },
]

export function SiteNav() {
  const pathname = usePathname()
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} aria-current={pathname === href ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
