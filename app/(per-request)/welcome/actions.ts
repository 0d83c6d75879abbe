'use server'

import { refresh } from 'next/cache'
import { redirect } from 'next/navigation'
import { currentSession } from '@/lib/viewer'
import { chooseUsername } from '@/db/users'
import { fieldErrors, usernameSchema } from '@/lib/account-rules'
import { CHECK_FIELDS, type ActionState } from '@/lib/action-state'
import { safeCallbackPath } from '@/lib/safe-callback'
import { z } from 'zod'

export async function chooseUsernameAction(
  _previous: ActionState | null,
  formData: FormData,
): Promise<ActionState> {
  const session = await currentSession()
  if (!session) redirect('/signin')
  const raw = formData.get('username')
  const values = { username: typeof raw === 'string' ? raw : '' }
  const parsed = z.object({ username: usernameSchema }).safeParse(values)
  if (!parsed.success) {
    return { ok: false, message: CHECK_FIELDS, fieldErrors: fieldErrors(parsed.error), values }
  }
  const chosen = await chooseUsername({ id: session.id }, parsed.data.username)
  if (!chosen.ok) {
    return {
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { username: ['This username is taken. Choose another.'] },
      values,
    }
  }
  // The header (in the shared layout) still shows "Choose a username": render it again.
  refresh()
  redirect(safeCallbackPath(formData.get('callbackUrl')))
}
