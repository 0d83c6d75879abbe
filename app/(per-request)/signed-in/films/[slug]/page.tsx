import type { Metadata } from 'next'
import { currentViewer } from '@/lib/viewer'
import { filmMetadata, FilmRoute } from '@/app/(cached-for-everyone)/films/[slug]/film-route'

// /films/[slug] for someone signed in (its twin in lib/routes.ts): rendered per request.
type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return filmMetadata((await params).slug)
}

export default async function SignedInFilmPage({ params }: Props) {
  const viewer = await currentViewer()
  return <FilmRoute slug={(await params).slug} viewer={viewer} />
}
