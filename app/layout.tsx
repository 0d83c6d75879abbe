import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { SiteHeader } from '@/components/site-header'
import { config } from '@/config'
import './globals.css'

export const metadata: Metadata = {
  metadataBase: new URL(config().siteUrl),
  title: {
    default: 'Kinofront — Soviet films of the Great Patriotic War',
    template: '%s — Kinofront',
  },
  description:
    'Kinofront: a catalogue of the classic Soviet films of the Great Patriotic War, with a curated list checked against its sources.',
  openGraph: { siteName: 'Kinofront', type: 'website' },
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer-inner">
            <p>
              Kinofront — the classic Soviet films of the Great Patriotic War. Corrections cite
              their sources; the curator&apos;s own words are kept as written.
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
