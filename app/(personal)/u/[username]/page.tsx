import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { findPublicProfile } from '@/db/users'

type Props = { params: Promise<{ username: string }> }

const loadProfile = cache(findPublicProfile)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile((await params).username)
  return profile ? { title: profile.username, robots: { index: false } } : {}
}

export default async function ProfilePage({ params }: Props) {
  const profile = await loadProfile((await params).username)
  if (!profile) notFound()
  const since = profile.memberSince.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }) // prettier-ignore
  return (
    <>
      <h1>{profile.username}</h1>
      <p className="muted">Member since {since}</p>
    </>
  )
}
