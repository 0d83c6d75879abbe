import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { DeleteListForm } from '@/components/lists/delete-list-form'
import { EditListForm } from '@/components/lists/edit-list-form'
import { OwnerEntries } from '@/components/lists/owner-entries'
import { listPath } from '@/lib/rules/lists'
import { ListHeading } from '../list-heading'
import { listOfParams, type ListParams } from '../list-page-data'
import '@/components/lists/lists.css'

// server.ts lets only the list's owner reach this page; the check here covers a list deleted or
// handed a stale session since.
type Props = { params: ListParams }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const list = await listOfParams(params)
  if (!list?.isOwner) return {}
  return { title: `Editing ${list.title}`, robots: { index: false } }
}

export default async function EditMemberListPage({ params }: Props) {
  const list = await listOfParams(params)
  if (!list?.isOwner) notFound()
  return (
    <article className="member-list">
      <ListHeading
        list={list}
        action={
          <p>
            <Link href={listPath(list.ownerUsername, list.slug)}>Done: view the list</Link>
          </p>
        }
      />
      <OwnerEntries listId={list.id} entries={list.entries} />
      <section aria-labelledby="edit-list-heading" className="list-admin">
        <h2 id="edit-list-heading">Edit list</h2>
        <EditListForm
          list={{
            id: list.id,
            title: list.title,
            description: list.description,
            visibility: list.visibility,
          }}
        />
      </section>
      <section aria-labelledby="delete-list-heading" className="list-admin">
        <h2 id="delete-list-heading">Delete list</h2>
        <DeleteListForm list={{ id: list.id, title: list.title }} filmCount={list.entries.length} />
      </section>
    </article>
  )
}
