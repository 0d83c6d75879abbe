'use client'

import { ErrorNotice } from '@/components/error-notice'
import './globals.css'

// What people see when even the page's frame (app/layout.tsx) failed, so app/error.tsx could not
// be shown inside it: a page of its own, with nothing that could fail again.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong — Kinofront</title>
      </head>
      <body>
        <ErrorNotice heading="Something went wrong — try again" error={error} retry={retry}>
          Kinofront could not show this page because of a problem on our side, so what you just did
          may not have been saved. Try again in a moment; if it keeps happening, go back to{' '}
          {/* A full load, not the router: whatever failed here may have broken it too. */}
          <a href="/">the curated list</a>.
        </ErrorNotice>
      </body>
    </html>
  )
}
