import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ListEntries } from '@/components/lists/list-entries'
import { listPath } from '@/lib/rules/lists'
import { ListHeading } from './list-heading'
import { listOfParams, type ListParams } from './list-page-data'
import '@/components/lists/lists.css'

// server.ts answers unknown lists, and private ones asked for by anyone but their owner, with
// the full 404 page before Next sees the request; notFound() here covers a list deleted since.
// The owner reads it as everyone does, with editing one link away (./edit).
type Props = { params: ListParams }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const list = await listOfParams(params)
  if (!list) return {}
  return {
    title: `${list.title}, a list by ${list.ownerUsername}`,
    description: list.description.slice(0, 200) || undefined,
    robots: list.visibility === 'public' ? undefined : { index: false },
    alternates: { canonical: listPath(list.ownerUsername, list.slug) },
  }
}

export default async function MemberListPage({ params }: Props) {
  const list = await listOfParams(params)
  if (!list) notFound()
  return (
    <article className="member-list">
      <ListHeading
        list={list}
        action={
          list.isOwner && (
            <p>
              <Link href={`${listPath(list.ownerUsername, list.slug)}/edit`} className="button">
                Edit list
              </Link>
            </p>
          )
        }
      />
      <ListEntries entries={list.entries} forOwner={list.isOwner} />
    </article>
  )
}
