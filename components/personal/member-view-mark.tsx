'use client'

import { useEffect } from 'react'
import { setMemberViewCookie } from './member-view-cookie'

/**
 * On a page rendered per request, which knows whether its reader is signed in: marks a member's
 * browser as running JavaScript (lib/member-view.ts), so that its next shared page comes from the
 * cache; unmarks it for anyone else. Renders nothing.
 */
export function MemberViewMark({ member }: { member: boolean }) {
  useEffect(() => setMemberViewCookie(member), [member])
  return null
}
