import Link from 'next/link'
import { signInPath } from '@/lib/safe-callback'

/**
 * What the shared film page offers a visitor: a way to sign in and come back here. A member's
 * browser hides it before it paints (public/member-view.js), to show their own controls there.
 */
export function SignedOutPanel({ film }: { film: { slug: string } }) {
  return (
    <p className="personal-panel for-visitors">
      <Link href={signInPath(`/films/${film.slug}`)} className="button">
        Sign in to rate
      </Link>
    </p>
  )
}
