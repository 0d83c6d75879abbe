import type { Metadata } from 'next'
import Link from 'next/link'
import { ListSummaries } from '@/components/lists/list-summaries'
import { listsOf } from '@/db/list-queries'
import { usernameOf } from '@/db/users'
import { requireViewer } from '@/lib/viewer'

export const metadata: Metadata = { title: 'Your lists', robots: { index: false } }

type Props = { searchParams: Promise<{ deleted?: string }> }

export default async function YourListsPage({ searchParams }: Props) {
  const viewer = await requireViewer('/lists')
  const [lists, username, { deleted }] = await Promise.all([
    listsOf(viewer),
    usernameOf(viewer),
    searchParams,
  ])
  return (
    <>
      <h1>Your lists</h1>
      {deleted === '1' && (
        <p role="status" className="form-success">
          The list has been deleted.
        </p>
      )}
      <p>
        <Link href="/lists/new" className="button">
          New list
        </Link>
      </p>
      {!username ? (
        <p>
          Your lists get their addresses from your username.{' '}
          <Link href="/welcome">Choose a username</Link> to see and share them.
        </p>
      ) : lists.length === 0 ? (
        <p>
          You have no lists yet. Make one, then add films to it from any film’s page — or{' '}
          <Link href="/films">browse all films</Link>.
        </p>
      ) : (
        <ListSummaries
          lists={lists}
          ownerUsername={username}
          showVisibility
          label="Your lists"
          headingLevel={2}
        />
      )}
    </>
  )
}
