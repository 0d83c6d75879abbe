import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { DiaryView } from '@/components/diary/diary-view'
import { diaryPage, ownDiaryOwner } from '@/db/diary-pages'
import { pageNumber } from '@/lib/page-number'
import { signInPath } from '@/lib/safe-callback'
import { currentViewer } from '@/lib/viewer'

export const metadata: Metadata = { title: 'Your diary', robots: { index: false } }

type Props = { searchParams: Promise<{ page?: string | string[] }> }

export default async function OwnDiaryPage({ searchParams }: Props) {
  const viewer = await currentViewer()
  if (!viewer) redirect(signInPath('/diary'))
  const page = pageNumber((await searchParams).page)
  const [owner, { lines, total }] = await Promise.all([
    ownDiaryOwner(viewer),
    diaryPage(viewer, page),
  ])
  return (
    <>
      <h1>Your diary</h1>
      <p className="muted">
        {owner?.diaryPublic ? 'Public' : 'Private'}: change who can see it in{' '}
        <Link href="/settings">Settings</Link>.
        {owner?.diaryPublic && owner.username && (
          <>
            {' '}
            Others see it at{' '}
            <Link href={`/u/${owner.username}/diary`}>/u/{owner.username}/diary</Link>.
          </>
        )}
      </p>
      <DiaryView lines={lines} total={total} page={page} basePath="/diary" own />
    </>
  )
}
