'use client'

import Link from 'next/link'

// What a member sees when something fails that the page or form could not answer itself: most
// often the database refusing a write (a form that can keeps what was typed and says so beside
// it; see lib/action.ts). Production errors carry no message, only a digest for the server's log.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : null
  return (
    <main id="main" tabIndex={-1}>
      <h1>Couldn’t save — try again</h1>
      <p className="lede">
        Something went wrong on our side, so what you just did may not have been saved, or this page
        could not be shown. Try again in a moment; if it keeps happening, go back to{' '}
        <Link href="/">the curated list</Link>.
      </p>
      <p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
      {digest && <p className="hint">Error reference: {digest}</p>}
    </main>
  )
}
