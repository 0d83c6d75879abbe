import type { ReactNode } from 'react'

/** What a control needs to be tied to its hint and error. */
export type ControlProps = {
  id: string
  'aria-invalid'?: true
  'aria-describedby'?: string
}

type Props = {
  id: string
  label: ReactNode
  hint?: string
  errors?: string[]
  children: (control: ControlProps) => ReactNode
}

/** A label, an optional hint and the first error around a control, all tied to it. */
export function FieldFrame({ id, label, hint, errors, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': errorId ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {errorId && (
        <p id={errorId} className="field-error">
          {errors![0]}
        </p>
      )}
    </div>
  )
}
