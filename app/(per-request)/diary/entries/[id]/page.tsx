import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { DeleteEntryForm } from '@/components/diary/delete-entry-form'
import { EditEntryForm } from '@/components/diary/edit-entry-form'
import { findOwnEntry } from '@/db/diary'
import { todayUtc } from '@/lib/rules/diary'
import { signInPath } from '@/lib/safe-callback'
import { currentViewer } from '@/lib/viewer'

export const metadata: Metadata = { title: 'Edit diary entry', robots: { index: false } }

type Props = { params: Promise<{ id: string }> }

export default async function EditEntryPage({ params }: Props) {
  const { id } = await params
  const viewer = await currentViewer()
  if (!viewer) redirect(signInPath(`/diary/entries/${id}`))
  const entryId = /^\d{1,15}$/.test(id) ? Number(id) : null
  const entry = entryId && (await findOwnEntry(viewer, entryId))
  if (!entry) notFound()
  return (
    <div className="narrow">
      <h1>Edit diary entry</h1>
      <p>
        <Link href={`/films/${entry.film.slug}`}>{entry.film.title}</Link> ({entry.film.yearStart})
      </p>
      <EditEntryForm
        entryId={entry.id}
        yearStart={entry.film.yearStart}
        today={todayUtc()}
        saved={{
          watchedOn: entry.watchedOn,
          score: entry.score,
          review: entry.review ?? '',
          spoilers: entry.spoilers,
          rewatch: entry.rewatch,
          tags: entry.tags.join(', '),
        }}
      />
      <h2>Delete entry</h2>
      <DeleteEntryForm entryId={entry.id} cancelHref={`/diary/entries/${entry.id}`} />
    </div>
  )
}
