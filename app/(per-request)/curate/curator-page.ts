import { notFound } from 'next/navigation'
import { asCurator } from '@/db/curators'
import { currentViewer } from '@/lib/viewer'

/** The signed-in curator; anyone else (signed out, or a member) gets a 404 for curator pages. */
export async function requireCuratorPage() {
  const curator = await asCurator(await currentViewer())
  if (!curator) notFound()
  return curator
}
