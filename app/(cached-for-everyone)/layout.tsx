import type { ReactNode } from 'react'
import { AccountSlot } from '@/components/personal/account-slot'
import { PersonalStateProvider } from '@/components/personal/personal-state'
import { SiteHeader } from '@/components/site-header'

// The same HTML for everyone; a member's browser fills in their own part (PersonalStateProvider).
export default function CachedLayout({ children }: { children: ReactNode }) {
  return (
    <PersonalStateProvider>
      <SiteHeader account={<AccountSlot />} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </PersonalStateProvider>
  )
}
