import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache, type ReactNode } from 'react'
import { CuratedListView } from '@/components/curated-list'
import { CuratedProgressSlot } from '@/components/personal/curated-progress-slot'
import { findCuratedList } from '@/db/curated'
import { FEATURED_LIST } from '@/db/featured-list'

const loadList = cache(findCuratedList)
const pathOf = (slug: string) => (slug === FEATURED_LIST.slug ? '/' : `/curated/${slug}`)

export async function curatedMetadata(slug: string): Promise<Metadata> {
  const list = await loadList(slug)
  if (!list) return {}
  return {
    title:
      list.slug === FEATURED_LIST.slug ? { absolute: `Kinofront — ${list.title}` } : list.title,
    description: list.introduction.slice(0, 200),
    alternates: { canonical: pathOf(list.slug) },
  }
}

/**
 * `progress` is the signed-in person's own progress, on the per-request variant; the cached page
 * leaves its place to the member's browser.
 */
export async function CuratedRoute({ slug, progress }: { slug: string; progress?: ReactNode }) {
  const list = await loadList(slug)
  if (!list) notFound()
  return (
    <>
      {progress === undefined ? <CuratedProgressSlot /> : progress}
      <CuratedListView list={list} />
    </>
  )
}
