import type { CuratedProgress as Progress } from '@/db/personal-state'

/** "You have rated 3 of 9": how far the member has got through a curated list. */
export function CuratedProgressView({ rated, total }: Progress) {
  return (
    <p className="curated-progress">
      You have rated {rated} of {total}
    </p>
  )
}
