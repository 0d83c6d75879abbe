type Props = {
  id: string
  name: string
  label: string
  type?: 'text' | 'email' | 'password'
  autoComplete?: string
  hint?: string
  errors?: string[]
  defaultValue?: string
  required?: boolean
  maxLength?: number
}

/** A labelled input whose hint and error are tied to it and read out with it. */
export function Field({
  id,
  label,
  hint,
  errors,
  type = 'text',
  required = true,
  ...input
}: Props) {
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
      <input
        id={id}
        type={type}
        required={required}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {errorId && (
        <p id={errorId} className="field-error">
          {errors![0]}
        </p>
      )}
    </div>
  )
}
