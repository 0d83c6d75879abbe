'use client'

import { useEffect, useRef } from 'react'
import type { ActionResult } from '@/lib/action-result'

/**
 * The outcome of the last submission, announced to screen readers; after a failed one, focus
 * moves to the first field with an error.
 */
export function FormMessage({ state }: { state: ActionResult | null }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!state || state.ok) return
    const form = ref.current?.closest('form')
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
    invalid?.focus()
  }, [state])
  return (
    <div ref={ref} role="alert" className="form-message">
      {state?.message && (
        <p className={state.ok ? 'form-success' : 'form-error'}>{state.message}</p>
      )}
    </div>
  )
}
