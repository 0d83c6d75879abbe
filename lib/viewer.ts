import { redirect } from 'next/navigation'
import { auth } from '@/auth'
import type { Viewer } from '@/db/users'
import { signInPath } from './safe-callback'

/** The signed-in person, or null. */
export async function currentViewer(): Promise<Viewer | null> {
  const session = await auth()
  return session ? { id: session.user.id } : null
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
