import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { currentSession } from '@/lib/viewer'
import { safeCallbackPath } from '@/lib/safe-callback'
import { UsernameForm } from './username-form'

export const metadata: Metadata = { title: 'Choose a username', robots: { index: false } }

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> }

/** Where someone who signed in through a provider lands; newcomers choose a username first. */
export default async function WelcomePage({ searchParams }: Props) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl)
  const session = await currentSession()
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  if (session.username) redirect(callbackUrl)
  return (
    <div className="narrow">
      <h1>Choose a username</h1>
      <p className="lede">
        Welcome to Kinofront. Your username is shown on your ratings and lists.
      </p>
      <UsernameForm callbackUrl={callbackUrl} suggestion="" />
    </div>
  )
}
