import { useState } from 'react'
import type { ActionResult } from '@/lib/action-result'

type Rated = ActionResult<{ score: number | null }> | null

/**
 * The score the server last confirmed: the page's, until a rate or remove answers (the latest
 * one wins), or the page's again when it brings a new one. A shared page is not rendered again
 * after a change, so without this the stars would fall back to the score it was opened with.
 */
export function useConfirmedScore(pageScore: number | null, rated: Rated, removed: Rated) {
  const [seen, setSeen] = useState({ score: pageScore, pageScore, rated, removed })
  if (seen.pageScore === pageScore && seen.rated === rated && seen.removed === removed) {
    return seen.score
  }
  let score = seen.score
  if (seen.pageScore !== pageScore) score = pageScore
  else if (seen.rated !== rated && rated?.ok) score = rated.score
  else if (seen.removed !== removed && removed?.ok) score = null
  setSeen({ score, pageScore, rated, removed })
  return score
}
