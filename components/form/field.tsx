import { FieldFrame } from './field-frame'

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
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(control) => <input type={type} required={required} {...control} {...input} />}
    </FieldFrame>
  )
}
