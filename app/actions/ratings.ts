'use server'

import { revalidatePath } from 'next/cache'
import { deleteRating, saveRating, type RatingChange } from '@/db/ratings'
import { formFields, type ActionState } from '@/lib/action-state'
import { pageOfOrigin, requireViewer } from '@/lib/viewer'

/** The outcome, with the viewer's score as it now stands (null: not rated) when it worked. */
export type RatingState = ActionState & { score?: number | null }

function settle(change: RatingChange): RatingState {
  if (!change.ok) return { ok: false, message: change.message, fieldErrors: change.fieldErrors }
  // The signed-in film page is rendered per request; only the anonymous cached copy goes stale.
  if (change.changed) revalidatePath(`/films/${change.film.slug}`)
  return { ok: true, score: change.score }
}

export async function rateFilm(
  _previous: RatingState | null,
  formData: FormData,
): Promise<RatingState> {
  const viewer = await requireViewer(await pageOfOrigin('/films'))
  return settle(await saveRating(viewer, formFields(formData, ['filmId', 'score'])))
}

export async function removeRating(
  _previous: RatingState | null,
  formData: FormData,
): Promise<RatingState> {
  const viewer = await requireViewer(await pageOfOrigin('/films'))
  return settle(await deleteRating(viewer, formFields(formData, ['filmId'])))
}
