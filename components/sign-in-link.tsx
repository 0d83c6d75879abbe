'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

/** "Sign in", coming back to this page afterwards. */
export function SignInLink() {
  const pathname = usePathname()
  const back = pathname && pathname !== '/' && !pathname.startsWith('/sign')
  return (
    <Link href={back ? `/signin?callbackUrl=${encodeURIComponent(pathname)}` : '/signin'}>
      Sign in
    </Link>
  )
}
