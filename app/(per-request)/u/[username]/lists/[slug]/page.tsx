import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { plural } from '@/lib/format'
import { DeleteListForm } from '@/components/lists/delete-list-form'
import { EditListForm } from '@/components/lists/edit-list-form'
import { ListEntries } from '@/components/lists/list-entries'
import { OwnerEntries } from '@/components/lists/owner-entries'
import { findListPage } from '@/db/list-queries'
import { listPath } from '@/lib/rules/lists'
import { currentViewer } from '@/lib/viewer'
import '@/components/lists/lists.css'

// server.ts answers unknown lists, and private ones asked for by anyone but their owner, with
// the full 404 page before Next sees the request; notFound() here covers a list deleted since.
type Props = { params: Promise<{ username: string; slug: string }> }

const loadList = cache(async (username: string, slug: string) =>
  findListPage(username, slug, await currentViewer()),
)

async function load(params: Props['params']) {
  const { username, slug } = await params
  return loadList(decodeSegment(username), decodeSegment(slug))
}

// Usernames and slugs never hold a '%', so one that does is still percent-encoded.
function decodeSegment(segment: string) {
  try {
    return segment.includes('%') ? decodeURIComponent(segment) : segment
  } catch {
    return segment
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const list = await load(params)
  if (!list) return {}
  return {
    title: `${list.title}, a list by ${list.ownerUsername}`,
    description: list.description.slice(0, 200) || undefined,
    robots: list.visibility === 'public' ? undefined : { index: false },
    alternates: { canonical: listPath(list.ownerUsername, list.slug) },
  }
}

export default async function MemberListPage({ params }: Props) {
  const list = await load(params)
  if (!list) notFound()
  const filmCount = list.entries.length
  return (
    <article className="member-list">
      <h1>{list.title}</h1>
      <p className="byline">
        A list by <Link href={`/u/${list.ownerUsername}`}>{list.ownerUsername}</Link> ·{' '}
        {plural(filmCount, 'film')}
        {list.isOwner && ` · ${list.visibility === 'public' ? 'Public' : 'Private'}`}
      </p>
      {list.description && <p className="list-description">{list.description}</p>}
      {list.isOwner ? (
        <>
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
            <DeleteListForm list={{ id: list.id, title: list.title }} filmCount={filmCount} />
          </section>
        </>
      ) : (
        <ListEntries entries={list.entries} />
      )}
    </article>
  )
}
