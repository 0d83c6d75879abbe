import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache, type ReactNode } from 'react'
import { CuratedListView } from '@/components/curated-list'
import { CuratedProgressSlot } from '@/components/personal/curated-progress-slot'
import { findCuratedList } from '@/db/curated'
import { featuredList } from '@/db/featured-choice'
import { FEATURED_SLOT } from '@/lib/routes'

const loadFeatured = cache(() => featuredList())

/** The list at /curated/<slug>, or at / (FEATURED_SLOT) the featured one. */
export const curatedSlugOf = async (slug: string) =>
  slug === FEATURED_SLOT ? (await loadFeatured()).slug : slug

const loadList = cache(async (slug: string) => findCuratedList(await curatedSlugOf(slug)))

export async function curatedMetadata(slug: string): Promise<Metadata> {
  const list = await loadList(slug)
  if (!list) return {}
  const featured = list.slug === (await loadFeatured()).slug
  return {
    title: featured ? { absolute: `Kinofront — ${list.title}` } : list.title,
    description: list.introduction.slice(0, 200),
    alternates: { canonical: featured ? '/' : `/curated/${list.slug}` },
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
