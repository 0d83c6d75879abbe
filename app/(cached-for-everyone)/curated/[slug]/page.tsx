import type { Metadata } from 'next'
import { curatedMetadata, CuratedRoute } from './curated-route'

// `/` shows the featured list through a rewrite (lib/routes.ts), so the home page is cached
// like a film page; requests with a session go to the signed-in variant.
export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return curatedMetadata((await params).slug)
}

export default async function Page({ params }: Props) {
  return <CuratedRoute slug={(await params).slug} />
}
