import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { CuratedListView } from '@/components/curated-list'
import { findCuratedList } from '@/db/curated'
import { FEATURED_LIST } from '@/db/featured-list'

// `/` shows the featured list through a rewrite (next.config.ts), so the home page is cached
// like a film page.
export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

const loadList = cache(findCuratedList)
const pathOf = (slug: string) => (slug === FEATURED_LIST.slug ? '/' : `/curated/${slug}`)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const list = await loadList((await params).slug)
  if (!list) return {}
  return {
    title:
      list.slug === FEATURED_LIST.slug ? { absolute: `Kinofront — ${list.title}` } : list.title,
    description: list.introduction.slice(0, 200),
    alternates: { canonical: pathOf(list.slug) },
  }
}

export default async function CuratedListPage({ params }: Props) {
  const list = await loadList((await params).slug)
  if (!list) notFound()
  return <CuratedListView list={list} />
}
