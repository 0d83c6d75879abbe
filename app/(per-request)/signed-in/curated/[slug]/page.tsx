import type { Metadata } from 'next'
import {
  curatedMetadata,
  CuratedRoute,
} from '@/app/(cached-for-everyone)/curated/[slug]/curated-route'
import { CuratedProgress } from '@/components/lists/curated-progress'
import { currentViewer } from '@/lib/viewer'

// `/` and /curated/[slug] for someone signed in (their twin in lib/routes.ts): rendered per request.
type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return curatedMetadata((await params).slug)
}

export default async function SignedInCuratedPage({ params }: Props) {
  const [{ slug }, viewer] = await Promise.all([params, currentViewer()])
  const progress = viewer && <CuratedProgress slug={slug} viewer={viewer} />
  return <CuratedRoute slug={slug} progress={progress} />
}
