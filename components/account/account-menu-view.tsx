'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { signOutAction } from '@/app/actions/sign-out'

/**
 * The signed-in person's name and their pages, with a Sign out button: from the session on a page
 * rendered per request (account-menu.tsx), from the member's own state on a shared one.
 */
export function AccountMenuView({ username }: { username: string | null }) {
  const [, signOut] = useActionState(signOutAction, null)
  return (
    <div className="account-menu">
      {username ? (
        <Link href={`/u/${username}`} className="account-name">
          {username}
        </Link>
      ) : (
        <Link href="/welcome">Choose a username</Link>
      )}
      <Link href="/watchlist">Watchlist</Link>
      <Link href="/lists">Lists</Link>
      <Link href="/settings">Settings</Link>
      <form action={signOut}>
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </div>
  )
}
