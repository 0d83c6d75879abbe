import type { Metadata } from 'next'
import { personMetadata, PersonRoute } from '@/app/(cached-for-everyone)/people/[slug]/person-route'

// /people/[slug] for someone signed in (its twin in lib/routes.ts): rendered per request.
type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return personMetadata((await params).slug)
}

export default async function SignedInPersonPage({ params }: Props) {
  return <PersonRoute slug={(await params).slug} />
}
