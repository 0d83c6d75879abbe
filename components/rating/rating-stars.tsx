import type { ChangeEvent, KeyboardEvent, MouseEvent } from 'react'
import { SCORES } from '@/lib/scores'
import { starsLabel } from './rating-format'

const STAR_PATH =
  'M24 2.5 L29.6 17.8 L45.9 18.4 L33 28.4 L37.5 44.1 L24 35 L10.5 44.1 L15 28.4 L2.1 18.4 L18.4 17.8Z'

/** What the stars report with JavaScript; without it they are plain radios in a form. */
export type StarHandlers = {
  onChange: (event: ChangeEvent<HTMLInputElement>) => void
  onClick?: (event: MouseEvent<HTMLInputElement>) => void
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void
  onKeyUp?: (event: KeyboardEvent<HTMLInputElement>) => void
}

type Props = {
  score: number | null
  /** Without them the stars are uncontrolled, starting at `score` (a form that saves on submit). */
  handlers?: StarHandlers
  onPointerDown?: () => void
  legend?: string
  /** Adds a "No rating" choice, and a rating is no longer required. */
  optional?: boolean
}

/**
 * Ten real radio buttons, drawn as the left and right halves of five stars: filled up to the
 * checked one and outlined after it (globals.css), so the state does not rest on colour and the
 * drawing follows a choice even without JavaScript. Being one named group, the arrow keys move
 * between them natively.
 */
export function RatingStars({
  score,
  handlers,
  onPointerDown,
  legend = 'Your rating',
  optional = false,
}: Props) {
  const checked = (value: number | null) =>
    handlers ? { checked: score === value, ...handlers } : { defaultChecked: score === value }
  return (
    <fieldset className="rating-stars" onPointerDown={onPointerDown}>
      <legend>{legend}</legend>
      {/* Outside the row of stars, whose drawing fills up to any checked radio in it. */}
      {optional && (
        <label className="rating-none">
          <input type="radio" name="score" value="" {...checked(null)} /> No rating
        </label>
      )}
      <div className="rating-star-row">
        {SCORES.map((value) => (
          <label key={value} className="rating-star">
            <input
              type="radio"
              name="score"
              value={value}
              {...checked(value)}
              required={!optional}
            />
            <svg
              aria-hidden="true"
              focusable="false"
              viewBox={value % 2 === 1 ? '0 0 24 48' : '24 0 24 48'}
            >
              <path d={STAR_PATH} />
            </svg>
            <span className="visually-hidden">{starsLabel(value)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
