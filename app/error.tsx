'use client'

import Link from 'next/link'
import { ErrorNotice } from '@/components/error-notice'

// What a member sees when something fails that the page or form could not answer itself: most
// often the database refusing a write (a form that can keeps what was typed and says so beside
// it; see lib/action.ts).
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorNotice heading="Couldn’t save — try again" error={error} retry={retry}>
      Something went wrong on our side, so what you just did may not have been saved, or this page
      could not be shown. Try again in a moment; if it keeps happening, go back to{' '}
      <Link href="/">the curated list</Link>.
    </ErrorNotice>
  )
}
