import type { ReactNode } from 'react'

type Props = {
  id: string
  name: string
  label: ReactNode
  hint?: string
  errors?: string[]
  defaultValue?: string
  maxLength: number
  rows?: number
}

/** A labelled textarea whose hint and error are tied to it, like components/form/field.tsx. */
export function TextAreaField({ id, label, hint, errors, rows = 4, ...textarea }: Props) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        {...textarea}
      />
      {errorId && (
        <p id={errorId} className="field-error">
          {errors![0]}
        </p>
      )}
    </div>
  )
}
