import { cache } from 'react'
import { findListPage } from '@/db/list-queries'
import { currentViewer } from '@/lib/viewer'

export type ListParams = Promise<{ username: string; slug: string }>

const loadList = cache(async (username: string, slug: string) =>
  findListPage(username, slug, await currentViewer()),
)

/** The list at /u/<username>/lists/<slug> as the viewer may see it, or null. */
export async function listOfParams(params: ListParams) {
  const { username, slug } = await params
  return loadList(decodeSegment(username), decodeSegment(slug))
}

// Usernames and slugs never hold a '%', so one that does is still percent-encoded.
function decodeSegment(segment: string) {
  try {
    return segment.includes('%') ? decodeURIComponent(segment) : segment
  } catch {
    return segment
  }
}
