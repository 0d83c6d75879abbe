import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Account deleted', robots: { index: false } }

export default function AccountDeletedPage() {
  return (
    <div className="narrow">
      <h1>Your account has been deleted</h1>
      <p className="lede">
        Your account and everything in it are gone, and you have been signed out everywhere.
      </p>
      <p>
        <Link href="/">Back to the curated list</Link>
      </p>
    </div>
  )
}
