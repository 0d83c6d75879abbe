import type { Metadata } from 'next'
import { filmMetadata, FilmRoute } from '@/app/(cached)/films/[slug]/film-route'

// /films/[slug] for someone signed in (a rewrite in next.config.ts): rendered per request.
type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return filmMetadata((await params).slug)
}

export default async function SignedInFilmPage({ params }: Props) {
  return <FilmRoute slug={(await params).slug} />
}
