import { startTransition, type FormEvent } from 'react'

/**
 * An onSubmit handler for a form whose `action` is a server action's dispatch. Without
 * JavaScript the form posts as usual; with it, `predict` shows the outcome at once (through
 * useOptimistic) in the same transition as the dispatch, so it holds until the server answers.
 */
export function submitOptimistically(
  dispatch: (formData: FormData) => void,
  predict: (formData: FormData) => void,
) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const submitter = 'submitter' in event.nativeEvent ? event.nativeEvent.submitter : null
    const formData = new FormData(
      event.currentTarget,
      submitter instanceof HTMLElement ? submitter : null,
    )
    startTransition(() => {
      predict(formData)
      dispatch(formData)
    })
  }
}
