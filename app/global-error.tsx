'use client'

import './globals.css'

// What people see when even the page's frame (app/layout.tsx) failed, so app/error.tsx could not
// be shown inside it: a page of its own, with nothing that could fail again. Production errors
// carry no message, only a digest for the server's log.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : null
  return (
    <html lang="en">
      <head>
        <title>Something went wrong — Kinofront</title>
      </head>
      <body>
        <main id="main" tabIndex={-1}>
          <h1>Something went wrong — try again</h1>
          <p className="lede">
            Kinofront could not show this page because of a problem on our side, so what you just
            did may not have been saved. Try again in a moment; if it keeps happening, go back to{' '}
            {/* A full load, not the router: whatever failed here may have broken it too. */}
            <a href="/">the curated list</a>.
          </p>
          <p>
            <button type="button" onClick={() => retry()}>
              Try again
            </button>
          </p>
          {digest && <p className="hint">Error reference: {digest}</p>}
        </main>
      </body>
    </html>
  )
}
