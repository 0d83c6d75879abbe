import { startTransition, type FormEvent } from 'react'

// The one way forms here feel instant. A form's `action` is a server action's dispatch (from
// useActionState), so it posts without JavaScript; with JavaScript, `predict` shows the outcome
// at once through useOptimistic, in the same transition as the dispatch, so the prediction holds
// until the server has answered and the page shows its state.

/** Shows the predicted outcome of sending `formData` and sends it. */
export function sendOptimistically(
  formData: FormData,
  dispatch: (formData: FormData) => void,
  predict: (formData: FormData) => void,
) {
  startTransition(() => {
    predict(formData)
    dispatch(formData)
  })
}

/** An onSubmit handler that sends the form (with the button pressed) optimistically. */
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
    sendOptimistically(formData, dispatch, predict)
  }
}
