'use client'

import { useActionState, useOptimistic, useRef, type FormEvent } from 'react'
import { rateFilm, removeRating } from '@/app/actions/ratings'
import { FormMessage } from '@/components/form/form-message'
import { sendOptimistically, submitOptimistically } from '@/components/form/optimistic'
import { useConfirmedScore } from './confirmed-score'
import { starsLabel } from './rating-format'
import { RatingStars } from './rating-stars'
import './rating.css'

type Props = { filmId: number; savedScore: number | null }

/**
 * The viewer's rating. Without JavaScript both forms post as usual; with it, choosing a star
 * saves at once and the page shows the new score before the server has answered.
 */
export function RatingForm({ filmId, savedScore }: Props) {
  const [rateState, rate, ratePending] = useActionState(rateFilm, null)
  const [removeState, remove, removePending] = useActionState(removeRating, null)
  const [score, showScore] = useOptimistic(useConfirmedScore(savedScore, rateState, removeState))
  const rateForm = useRef<HTMLFormElement>(null)

  // Nothing chosen: the server answers with a message, and the stars stay as they were.
  const predictScore = (formData: FormData) => {
    const chosen = formData.get('score')
    showScore(chosen === null ? score : Number(chosen))
  }

  const chooseNow = () => {
    if (rateForm.current) sendOptimistically(new FormData(rateForm.current), rate, predictScore)
  }

  const removeNow = (event: FormEvent<HTMLFormElement>) => {
    submitOptimistically(remove, () => showScore(null))(event)
    // The Remove button goes away with the rating; keep focus in the control.
    rateForm.current?.querySelector<HTMLInputElement>('input[name="score"]')?.focus()
  }

  const pending = ratePending || removePending
  return (
    <div className="rating-control" aria-busy={pending}>
      <form
        ref={rateForm}
        action={rate}
        onSubmit={submitOptimistically(rate, predictScore)}
        className="rating-form"
      >
        <input type="hidden" name="filmId" value={filmId} />
        <RatingStars score={score} onChoose={chooseNow} />
        <p className="rating-status" role="status">
          {score === null ? 'You have not rated this film.' : `Your rating: ${starsLabel(score)}`}
          {pending && <span className="muted"> Saving…</span>}
        </p>
        <FormMessage state={rateState} />
        <button type="submit" className="button">
          Save rating
        </button>
      </form>
      {score !== null && (
        <form action={remove} onSubmit={removeNow}>
          <input type="hidden" name="filmId" value={filmId} />
          <FormMessage state={removeState} />
          <button type="submit" className="button button-quiet">
            Remove rating
          </button>
        </form>
      )}
    </div>
  )
}
