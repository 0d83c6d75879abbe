'use client'

import { useFormStatus } from 'react-dom'

type Props = {
  children: string
  pendingText: string
  className?: string
  /** What the button acts on (a film's title, say), read out after its name. */
  describedBy?: string
}

/** A form's submit button, which says what it is doing while the form is being sent. */
export function SubmitButton({ children, pendingText, className = 'button', describedBy }: Props) {
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
