'use server'

import { signIn } from '@/auth'
import { createUserWithPassword } from '@/db/users'
import { publicAction } from '@/lib/action'
import { CHECK_FIELDS, failure } from '@/lib/action-result'
import { hashPassword } from '@/lib/password'
import { accountMessages, signUpSchema } from '@/lib/rules/accounts'
import { safeCallbackPath } from '@/lib/safe-callback'

const TAKEN = { username: accountMessages.usernameTaken, email: accountMessages.emailTaken }

export const signUp = publicAction(signUpSchema, async (account, { formData }) => {
  const { username, email, password } = account
  const created = await createUserWithPassword({
    username,
    email,
    passwordHash: await hashPassword(password),
  })
  if (!created.ok) {
    return failure(
      CHECK_FIELDS,
      Object.fromEntries(created.taken.map((field) => [field, [TAKEN[field]]])),
    )
  }
  // Signs the new account in and redirects (by throwing, so nothing may follow it).
  await signIn('credentials', {
    email,
    password,
    redirectTo: safeCallbackPath(formData.get('callbackUrl')),
  })
  return { ok: true }
})
