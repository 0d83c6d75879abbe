'use client'

import { useFormStatus } from 'react-dom'

type Props = {
  children: string
  pendingText: string
  /** The film the button acts on, read out after its name. */
  describedBy: string
  className?: string
}

/** A submit button that says what it is doing while its form is being sent. */
export function PendingButton({ children, pendingText, describedBy, className }: Props) {
  const { pending } = useFormStatus()
  return (
    <button
      type="submit"
      className={className}
      aria-describedby={describedBy}
      aria-disabled={pending || undefined}
      disabled={pending}
    >
      {pending ? pendingText : children}
    </button>
  )
}
