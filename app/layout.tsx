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

// The header sits in each route group's layout: cached pages show the signed-out header (a
// member's browser fills in their own), and pages rendered per request show the person's own.
// public/member-view.js marks <html> for a member before the body paints, so it blocks.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- it must run before the first paint */}
        <script src="/member-view.js" />
      </head>
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
