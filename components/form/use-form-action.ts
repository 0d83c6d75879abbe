'use client'

import { useActionState } from 'react'
import type { ActionResult, FormAction } from '@/lib/action-result'

/** useActionState, plus the field errors and typed values of the last failed submission. */
export function useFormAction(action: FormAction, initial: ActionResult | null = null) {
  const [state, dispatch] = useActionState<ActionResult | null, FormData>(action, initial)
  const failed = state && !state.ok ? state : undefined
  return { state, dispatch, errors: failed?.fieldErrors, values: failed?.values }
}
