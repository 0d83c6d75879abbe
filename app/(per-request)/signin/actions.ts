'use server'

import { CredentialsSignin } from 'next-auth'
import { signIn } from '@/auth'
import { config } from '@/config'
import { formatRetryMessage } from '@/db/sign-in-throttle'
import { fieldErrors, signInSchema } from '@/lib/account-rules'
import { CHECK_FIELDS, formFields, type ActionState } from '@/lib/action-state'
import { safeCallbackPath } from '@/lib/safe-callback'

const INCORRECT = 'Email or password is incorrect.'

export async function signInWithPassword(
  _previous: ActionState | null,
  formData: FormData,
): Promise<ActionState> {
  const input = formFields(formData, ['email', 'password'])
  const values = { email: input.email ?? '' }
  const parsed = signInSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, message: CHECK_FIELDS, fieldErrors: fieldErrors(parsed.error), values }
  }
  try {
    // Redirects (by throwing) when the password is right.
    await signIn('credentials', {
      ...parsed.data,
      redirectTo: safeCallbackPath(formData.get('callbackUrl')),
    })
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error
    const throttled = /^throttled:(\d+)$/.exec(error.code)
    const message = throttled
      ? formatRetryMessage(new Date(Number(throttled[1])), new Date())
      : INCORRECT
    return { ok: false, message, values }
  }
  return { ok: true }
}

/** Starts sign-in with an identity provider; a first-time visitor then chooses a username. */
export async function signInWithProvider(provider: unknown, callbackUrl: unknown) {
  const { oidc, github } = config().auth
  const known = [oidc && 'oidc', github && 'github'].filter(Boolean)
  if (typeof provider !== 'string' || !known.includes(provider)) throw new Error('Unknown provider')
  const next = safeCallbackPath(callbackUrl)
  await signIn(provider, { redirectTo: `/welcome?callbackUrl=${encodeURIComponent(next)}` })
}
