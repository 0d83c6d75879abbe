import type { Metadata } from 'next'
import Link from 'next/link'
import { SignInLink } from '@/components/sign-in-link'
import { SiteHeader } from '@/components/site-header'

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } }

// The header's search box is the page's one search: no second box in the body.
export default function NotFound() {
  return (
    <>
      <SiteHeader account={<SignInLink />} />
      <main id="main" tabIndex={-1}>
        <h1>Page not found</h1>
        <p className="lede">
          There is no page at this address. The film may be listed under another title: search for
          it above, <Link href="/films">browse all films</Link> or go back to{' '}
          <Link href="/">the curated list</Link>.
        </p>
      </main>
    </>
  )
}
