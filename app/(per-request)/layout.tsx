import type { ReactNode } from 'react'
import { AccountMenu } from '@/components/account-menu'
import { SiteHeader } from '@/components/site-header'

export default function PersonalLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader account={<AccountMenu />} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}
