import Link from 'next/link'
import { Fragment } from 'react'
import type { PersonLink } from '@/db/catalogue'

/** Names as links, comma-separated, inline so they can sit inside a sentence. */
export function PersonLinks({ people }: { people: PersonLink[] }) {
  return people.map((person, i) => (
    <Fragment key={person.slug}>
      {i > 0 && ', '}
      <Link href={`/people/${person.slug}`}>{person.name}</Link>
    </Fragment>
  ))
}
