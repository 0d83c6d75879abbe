import type { Metadata } from 'next'
import type { ReactNode } from 'react'
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

// The header sits in each route group's layout: cached pages show the signed-out header, and
// pages rendered per request show the person's own.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {children}
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
