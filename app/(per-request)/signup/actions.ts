'use server'

import { signIn } from '@/auth'
import { createUserWithPassword } from '@/db/users'
import { fieldErrors, signUpSchema } from '@/lib/account-rules'
import { CHECK_FIELDS, formFields, type ActionState } from '@/lib/action-state'
import { hashPassword } from '@/lib/password'
import { safeCallbackPath } from '@/lib/safe-callback'

const TAKEN = {
  username: 'This username is taken. Choose another.',
  email: 'An account with this email address already exists. Sign in instead.',
}

export async function signUp(
  _previous: ActionState | null,
  formData: FormData,
): Promise<ActionState> {
  const input = formFields(formData, ['username', 'email', 'password'])
  const values = { username: input.username ?? '', email: input.email ?? '' }
  const parsed = signUpSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, message: CHECK_FIELDS, fieldErrors: fieldErrors(parsed.error), values }
  }
  const { username, email, password } = parsed.data
  const created = await createUserWithPassword({
    username,
    email,
    passwordHash: await hashPassword(password),
  })
  if (!created.ok) {
    const errors = Object.fromEntries(created.taken.map((field) => [field, [TAKEN[field]]]))
    return { ok: false, message: CHECK_FIELDS, fieldErrors: errors, values }
  }
  // Signs the new account in and redirects (by throwing, so nothing may follow it).
  await signIn('credentials', {
    email,
    password,
    redirectTo: safeCallbackPath(formData.get('callbackUrl')),
  })
  return { ok: true }
}
