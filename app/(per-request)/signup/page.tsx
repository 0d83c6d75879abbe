import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { currentSession } from '@/lib/viewer'
import { safeCallbackPath } from '@/lib/safe-callback'
import { SignUpForm } from './signup-form'

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } }

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> }

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl)
  if (await currentSession()) redirect(callbackUrl)
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <p className="lede">
        Rate the films you have seen and keep a watchlist of the ones you have not.
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  )
}
