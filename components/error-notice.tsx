'use client'

import type { ReactNode } from 'react'

type Props = { heading: string; children: ReactNode; error: unknown; retry: () => void }

/**
 * What app/error.tsx and app/global-error.tsx say when something failed that the page or form
 * could not answer itself. Production errors carry no message, only a digest for the server's log.
 */
export function ErrorNotice({ heading, children, error, retry }: Props) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : null
  return (
    <main id="main" tabIndex={-1}>
      <h1>{heading}</h1>
      <p className="lede">{children}</p>
      <p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
      {digest && <p className="hint">Error reference: {digest}</p>}
    </main>
  )
}
