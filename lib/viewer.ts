import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import type { Viewer } from '@/db/users'
import { safeCallbackPath, signInPath } from './safe-callback'
import { sessionUserOf, type SessionUser } from './session-user'

/** The signed-in person (id and username), or null; the cookie is read once per request. */
export const currentSession = cache(async (): Promise<SessionUser | null> => {
  return sessionUserOf((await headers()).get('cookie'))
})

/** The signed-in person, or null. */
export async function currentViewer(): Promise<Viewer | null> {
  const session = await currentSession()
  return session ? { id: session.id } : null
}

/**
 * The signed-in person; anyone else is sent to sign in and back to `returnTo`. Every server
 * action that changes someone's data starts here: actions are public endpoints.
 */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await currentViewer()
  if (!viewer) redirect(signInPath(returnTo))
  return viewer
}

/**
 * The page a form was posted from (its Referer), so that someone whose session ended mid-way
 * comes back there after signing in; `fallback` when the browser did not say.
 */
export async function pageOfOrigin(fallback: string): Promise<string> {
  const referer = (await headers()).get('referer')
  if (!referer || !URL.canParse(referer)) return fallback
  const { pathname, search } = new URL(referer)
  return safeCallbackPath(`${pathname}${search}`)
}
