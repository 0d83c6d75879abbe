import type { Metadata } from 'next'
import {
  decadeMetadata,
  DecadeRoute,
} from '@/app/(cached-for-everyone)/decades/[decade]/decade-route'

// /decades/[decade] for someone signed in (its twin in lib/routes.ts): rendered per request.
type Props = { params: Promise<{ decade: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return decadeMetadata((await params).decade)
}

export default async function SignedInDecadePage({ params }: Props) {
  return <DecadeRoute slug={(await params).decade} />
}
