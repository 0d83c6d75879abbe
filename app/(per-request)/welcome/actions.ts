'use server'

import { refresh } from 'next/cache'
import { redirect } from 'next/navigation'
import { chooseUsername } from '@/db/users'
import { memberAction } from '@/lib/action'
import { CHECK_FIELDS, failure } from '@/lib/action-result'
import { accountMessages, chooseUsernameSchema } from '@/lib/rules/accounts'
import { safeCallbackPath } from '@/lib/safe-callback'

export const chooseUsernameAction = memberAction(
  chooseUsernameSchema,
  async ({ username }, { viewer, formData }) => {
    const chosen = await chooseUsername(viewer, username)
    if (chosen === 'taken')
      return failure(CHECK_FIELDS, { username: [accountMessages.usernameTaken] })
    if (chosen === 'already-set') return failure(accountMessages.usernameAlreadyChosen)
    // The header (in the shared layout) still shows "Choose a username": render it again.
    refresh()
    redirect(safeCallbackPath(formData.get('callbackUrl')))
  },
  { returnTo: '/welcome' },
)
