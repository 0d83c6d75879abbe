'use client'

import { useActionState } from 'react'
import type { ActionResult } from '@/lib/action-result'

type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>

/** useActionState, plus the field errors and typed values of the last failed submission. */
export function useFormAction(action: FormAction, initial: ActionResult | null = null) {
  const [state, dispatch] = useActionState<ActionResult | null, FormData>(action, initial)
  const failed = state && !state.ok ? state : undefined
  return { state, dispatch, errors: failed?.fieldErrors, values: failed?.values }
}
