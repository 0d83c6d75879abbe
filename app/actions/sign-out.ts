'use server'

import { cookies } from 'next/headers'
import { z } from 'zod'
import { signOut } from '@/auth'
import { publicAction } from '@/lib/action'
import { MEMBER_VIEW } from '@/lib/member-view'

/**
 * Ends the session, and with it the browser's mark that it fetches a member's part of the shared
 * pages (lib/member-view.ts), so the next page is a visitor's from its first paint. Public: a
 * session that has already ended signs out just the same.
 */
export const signOutAction = publicAction(z.object({}), async () => {
  ;(await cookies()).delete(MEMBER_VIEW.cookie)
  await signOut({ redirectTo: '/' })
  return { ok: true }
})
