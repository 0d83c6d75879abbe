'use client'

import { useFormStatus } from 'react-dom'

export function SubmitButton({ children, pendingText }: { children: string; pendingText: string }) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className="button" aria-disabled={pending} disabled={pending}>
      {pending ? pendingText : children}
    </button>
  )
}
