import Link from 'next/link'
import { plural } from '@/lib/format'
import type { ListSummary } from '@/db/list-queries'
import { listPath } from '@/lib/rules/lists'
import './lists.css'

type Props = {
  lists: ListSummary[]
  ownerUsername: string
  /** On the owner's own page each list says whether it is public. */
  showVisibility?: boolean
  label: string
  headingLevel: 2 | 3
}

export function ListSummaries({
  lists,
  ownerUsername,
  showVisibility = false,
  label,
  headingLevel,
}: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="list-summaries" aria-label={label}>
      {lists.map((list) => (
        <li key={list.id} className="list-summary">
          <Heading>
            <Link href={listPath(ownerUsername, list.slug)}>{list.title}</Link>
          </Heading>
          <p className="muted">
            {plural(list.filmCount, 'film')}
            {showVisibility && ` · ${list.visibility === 'public' ? 'Public' : 'Private'}`}
          </p>
          {list.description && <p className="list-summary-description">{list.description}</p>}
        </li>
      ))}
    </ul>
  )
}
