import type { Metadata } from 'next'
import Link from 'next/link'
import { decadeCounts } from '@/db/catalogue'
import { decadeSlug } from '@/lib/decades'
import { plural } from '@/lib/format'

export const metadata: Metadata = {
  title: 'Films by decade',
  description: 'The Soviet films of the Great Patriotic War, decade by decade, 1940s to 1980s.',
}

export default async function DecadesPage() {
  const counts = await decadeCounts()
  return (
    <>
      <h1>Films by decade</h1>
      <p>
        From the films made while the war was being fought, through the Thaw and the epics of the
        1970s, to the late films of the 1980s.
      </p>
      <ul className="decade-list">
        {counts.map(({ decade, films }) => (
          <li key={decade}>
            <Link href={`/decades/${decadeSlug(decade)}`}>The {decadeSlug(decade)}</Link>{' '}
            <span className="muted">{plural(films, 'film')}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
