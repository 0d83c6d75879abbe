import type { Metadata } from 'next'
import { curatedMetadata, CuratedRoute } from '@/app/(cached)/curated/[slug]/curated-route'

// `/` and /curated/[slug] for someone signed in (a rewrite in next.config.ts): rendered per request.
type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return curatedMetadata((await params).slug)
}

export default async function SignedInCuratedPage({ params }: Props) {
  return <CuratedRoute slug={(await params).slug} />
}
