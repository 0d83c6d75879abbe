import Link from 'next/link'
import type { ReactNode } from 'react'
import type { ListPage } from '@/db/list-queries'
import { plural } from '@/lib/format'

/** The list's title, byline and description, the same when reading and editing it. */
export function ListHeading({ list, action }: { list: ListPage; action?: ReactNode }) {
  return (
    <>
      <h1>{list.title}</h1>
      <p className="byline">
        A list by <Link href={`/u/${list.ownerUsername}`}>{list.ownerUsername}</Link> ·{' '}
        {plural(list.entries.length, 'film')}
        {list.isOwner && ` · ${list.visibility === 'public' ? 'Public' : 'Private'}`}
      </p>
      {action}
      {list.description && <p className="list-description">{list.description}</p>}
    </>
  )
}
