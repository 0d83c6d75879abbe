'use client'

import {
  useActionState,
  useOptimistic,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type KeyboardEvent,
} from 'react'
import { rateFilm, removeRating } from '@/app/actions/ratings'
import { FormMessage } from '@/components/form/form-message'
import { sendOptimistically, submitOptimistically } from '@/components/form/optimistic'
import { useConfirmedScore } from './confirmed-score'
import { starsLabel } from './rating-format'
import { RatingStars } from './rating-stars'

type Props = { filmId: number; savedScore: number | null }

const noSubscription = () => () => {}

/**
 * The viewer's rating. Without JavaScript both forms post as usual. With it, a click or tap on a
 * star saves at once and shows the new score before the server has answered; moving across the
 * stars with the arrow keys only chooses (a rating is public), and Enter, Space or "Save rating"
 * saves the choice. "Save rating" shows only while there is an unsaved choice.
 */
export function RatingForm({ filmId, savedScore }: Props) {
  const [rateState, rate, ratePending] = useActionState(rateFilm, null)
  const [removeState, remove, removePending] = useActionState(removeRating, null)
  const [score, showScore] = useOptimistic(useConfirmedScore(savedScore, rateState, removeState))
  const [unsaved, setUnsaved] = useState<number | null>(null)
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const rateForm = useRef<HTMLFormElement>(null)
  const pointerChoosing = useRef(false)

  // Nothing chosen: the server answers with a message, and the stars stay as they were.
  const predictScore = (formData: FormData) => {
    setUnsaved(null)
    const chosen = formData.get('score')
    showScore(chosen === null ? score : Number(chosen))
  }

  const save = (value: string) => {
    if (!rateForm.current) return
    const formData = new FormData(rateForm.current)
    formData.set('score', value)
    sendOptimistically(formData, rate, predictScore)
  }

  const saveFromKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    save(event.currentTarget.value)
  }

  const removeNow = (event: FormEvent<HTMLFormElement>) => {
    setUnsaved(null)
    submitOptimistically(remove, () => showScore(null))(event)
    // The Remove button goes away with the rating; keep focus in the control.
    rateForm.current?.querySelector<HTMLInputElement>('input[name="score"]')?.focus()
  }

  const shown = unsaved ?? score
  const choice = unsaved !== null && unsaved !== score ? unsaved : null
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
        <RatingStars
          score={shown}
          onPointerDown={() => (pointerChoosing.current = true)}
          handlers={{
            onChange: (event) => setUnsaved(Number(event.currentTarget.value)),
            onClick: (event) => {
              // The arrow keys also "click" the radio they move to: only a pointer's click saves.
              if (!pointerChoosing.current) return
              pointerChoosing.current = false
              save(event.currentTarget.value)
            },
            onKeyDown: (event) => {
              pointerChoosing.current = false
              if (event.key === 'Enter') saveFromKey(event)
            },
            onKeyUp: (event) => {
              if (event.key === ' ') saveFromKey(event)
            },
          }}
        />
        <p className="rating-status" role="status">
          {choice !== null
            ? `${starsLabel(choice)} chosen, not saved yet.`
            : score === null
              ? 'You have not rated this film.'
              : `Your rating: ${starsLabel(score)}`}
          {pending && <span className="muted"> Saving…</span>}
        </p>
        <FormMessage state={rateState} />
        <button type="submit" className="button" hidden={hydrated && choice === null}>
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
