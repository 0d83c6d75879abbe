/**
 * What every server action answers: success (with whatever the action adds, such as the state a
 * control now shows), or a message for the form with errors by field and, without JavaScript,
 * what was typed, to fill the form again.
 */
export type ActionResult<Data extends object = object> =
  ({ ok: true; message?: string } & Data) | ActionFailure

export type ActionFailure = {
  ok: false
  message: string
  fieldErrors?: Record<string, string[]>
  /** What the person typed (never passwords). */
  values?: Record<string, string>
}

/** A server action as a form calls it: through useActionState, or straight from `action`. */
export type FormAction<Data extends object = object> = (
  previous: ActionResult<Data> | null,
  formData: FormData,
) => Promise<ActionResult<Data>>

export const CHECK_FIELDS = 'Please correct the fields marked below.'

export const failure = (message: string, fieldErrors?: Record<string, string[]>): ActionFailure =>
  fieldErrors ? { ok: false, message, fieldErrors } : { ok: false, message }
