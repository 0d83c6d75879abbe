import { signOut } from '@/auth'
import { currentSession } from '@/lib/viewer'
import Link from 'next/link'
import { SignInLink } from './sign-in-link'

/** The signed-in person's name and a Sign out button, or a Sign in link. */
export async function AccountMenu() {
  const session = await currentSession()
  if (!session) return <SignInLink />
  const { username } = session
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
      <form
        action={async () => {
          'use server'
          await signOut({ redirectTo: '/' })
        }}
      >
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </div>
  )
}
