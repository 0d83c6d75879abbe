import type { ReactNode } from 'react'
import { FieldFrame } from '@/components/form/field-frame'

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

/** A labelled textarea whose hint and error are tied to it. */
export function TextAreaField({ id, label, hint, errors, rows = 4, ...textarea }: Props) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(control) => <textarea rows={rows} {...control} {...textarea} />}
    </FieldFrame>
  )
}
