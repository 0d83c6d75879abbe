'use client'

import { useActionState } from 'react'
import type { ActionState } from '@/lib/action-state'

type FormAction = (previous: ActionState | null, formData: FormData) => Promise<ActionState>

/** useActionState, plus the field errors and typed values of the last failed submission. */
export function useFormAction(action: FormAction, initial: ActionState | null = null) {
  const [state, dispatch] = useActionState<ActionState | null, FormData>(action, initial)
  const failed = state && !state.ok ? state : undefined
  return { state, dispatch, errors: failed?.fieldErrors, values: failed?.values }
}
