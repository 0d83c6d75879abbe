import type { ReactNode } from 'react'
import { SignInLink } from '@/components/sign-in-link'
import { SiteHeader } from '@/components/site-header'

export default function CachedLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader account={<SignInLink />} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}
