'use server'

import { CredentialsSignin } from 'next-auth'
import { signIn } from '@/auth'
import { config } from '@/config'
import { publicAction } from '@/lib/action'
import { failure } from '@/lib/action-result'
import { accountMessages, formatRetryMessage, signInSchema } from '@/lib/rules/accounts'
import { redirect } from 'next/navigation'
import { safeCallbackPath, signInPath } from '@/lib/safe-callback'
import { retryAfter } from '@/lib/server/response-hints'

export const signInWithPassword = publicAction(signInSchema, async (credentials, { formData }) => {
  try {
    // Redirects (by throwing) when the password is right.
    await signIn('credentials', {
      ...credentials,
      redirectTo: safeCallbackPath(formData.get('callbackUrl')),
    })
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error
    const busy = /^busy:(\d+)$/.exec(error.code)
    if (busy) {
      retryAfter(Number(busy[1]))
      return failure(accountMessages.busyCheckingPasswords(Number(busy[1])))
    }
    const throttled = /^throttled:(\d+)$/.exec(error.code)
    return failure(
      throttled
        ? formatRetryMessage(new Date(Number(throttled[1])), new Date())
        : accountMessages.incorrect,
    )
  }
  return { ok: true }
})

/** Starts sign-in with an identity provider; a first-time visitor then chooses a username. */
export async function signInWithProvider(provider: unknown, callbackUrl: unknown) {
  const { oidc, github } = config().auth
  const known = [oidc && 'oidc', github && 'github'].filter(Boolean)
  const next = safeCallbackPath(callbackUrl)
  // A forged or stale form: back to the sign-in page rather than an error.
  if (typeof provider !== 'string' || !known.includes(provider)) redirect(signInPath(next))
  await signIn(provider, { redirectTo: `/welcome?callbackUrl=${encodeURIComponent(next)}` })
}
