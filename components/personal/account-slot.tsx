'use client'

import { AccountMenuView } from '../account/account-menu-view'
import { SignInLink } from '../sign-in-link'
import { useMemberName } from './personal-state'

/**
 * The shared pages' account menu: Sign in for a visitor (hidden from a member's browser before
 * it paints, in the space the menu will take), the member's menu once their state has come.
 */
export function AccountSlot() {
  const username = useMemberName()
  if (username !== undefined) return <AccountMenuView username={username} />
  return (
    <span className="for-visitors">
      <SignInLink />
    </span>
  )
}
