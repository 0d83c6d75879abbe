import { curatedProgressOf } from '@/db/profiles'
import type { Viewer } from '@/db/users'
import './lists.css'

/** "You have rated 3 of 9": how far the viewer has got through a curated list. */
export async function CuratedProgress({ slug, viewer }: { slug: string; viewer: Viewer }) {
  const { rated, total } = await curatedProgressOf(viewer, slug)
  if (total === 0) return null
  return (
    <p className="curated-progress">
      You have rated {rated} of {total}
    </p>
  )
}
