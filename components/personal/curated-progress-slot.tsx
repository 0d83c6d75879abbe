'use client'

import { CuratedProgressView } from '../lists/curated-progress'
import { usePersonalView } from './personal-state'

/** The shared curated list's place for the member's progress through it (reserved for them). */
export function CuratedProgressSlot() {
  const view = usePersonalView()
  const progress = view.status === 'member' ? view.state.curatedProgress : undefined
  return (
    <div className="curated-progress-slot">{progress && <CuratedProgressView {...progress} />}</div>
  )
}
