import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { DiaryView } from '@/components/diary/diary-view'
import { diaryPage, visibleDiaryOwner } from '@/db/diary-pages'
import { pageNumber } from '@/lib/page-number'
import { currentViewer } from '@/lib/viewer'

// server.ts answers a private diary asked for by anyone but its owner with the full 404 page;
// the check here covers a diary made private since, and every other way in.
type Props = {
  params: Promise<{ username: string }>
  searchParams: Promise<{ page?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username } = await params
  return { title: `${decodeURIComponent(username)}’s diary` }
}

export default async function MemberDiaryPage({ params, searchParams }: Props) {
  const username = decodeURIComponent((await params).username)
  const viewer = await currentViewer()
  const owner = await visibleDiaryOwner(username, viewer)
  if (!owner) notFound()
  const page = pageNumber((await searchParams).page)
  const { lines, total } = await diaryPage(owner, page)
  return (
    <>
      <h1>{owner.username}’s diary</h1>
      <DiaryView
        lines={lines}
        total={total}
        page={page}
        basePath={`/u/${owner.username}/diary`}
        own={viewer?.id === owner.id}
      />
    </>
  )
}
