import type { Metadata } from 'next'
import { personMetadata, PersonRoute } from './person-route'

// Cached like film pages; requests with a session go to the signed-in variant.
export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return personMetadata((await params).slug)
}

export default async function Page({ params }: Props) {
  return <PersonRoute slug={(await params).slug} />
}
