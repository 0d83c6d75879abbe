import type { Metadata } from 'next'
import { filmMetadata, FilmRoute } from './film-route'

// Rendered on first request, then served from the cache: no database is needed at build time.
// Requests with a session are rewritten to app/(per-request)/signed-in/films/[slug].
export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return filmMetadata((await params).slug)
}

export default async function FilmPage({ params }: Props) {
  return <FilmRoute slug={(await params).slug} viewer={null} />
}
