import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { DiaryView } from '@/components/diary/diary-view'
import { diaryPage, visibleDiaryOwner } from '@/db/diary-pages'
import type { Viewer } from '@/db/users'

// A member's diary as others see it, and as its owner does (with "Edit entry" on each line).
// server.ts answers a private diary asked for by anyone but its owner with the full 404 page;
// the check here covers a diary made private since.

export const memberDiaryMetadata = (username: string): Metadata => ({
  title: `${decodeURIComponent(username)}’s diary`,
})

type Props = { username: string; viewer: Viewer | null; page: number }

export async function MemberDiaryRoute({ username, viewer, page }: Props) {
  const owner = await visibleDiaryOwner(decodeURIComponent(username), viewer)
  if (!owner) notFound()
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
