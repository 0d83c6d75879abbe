import type { Metadata } from 'next'
import { decadeMetadata, DecadeRoute } from './decade-route'

// Cached like a film page: rendered on first request, then served from the cache. Requests with a
// session are rewritten to the per-request twin (lib/routes.ts).
export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ decade: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return decadeMetadata((await params).decade)
}

export default async function DecadePage({ params }: Props) {
  return <DecadeRoute slug={(await params).decade} />
}
