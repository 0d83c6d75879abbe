/** What every server action answers: success, or a message with errors for each field. */
export type ActionState =
  | { ok: true; message?: string }
  | {
      ok: false
      message: string
      fieldErrors?: Record<string, string[]>
      /** What the person typed (never passwords), to fill the form again without JavaScript. */
      values?: Record<string, string>
    }

export const CHECK_FIELDS = 'Please correct the fields marked below.'

/** The named text fields of a form, for handing to zod: files and repeated names are ignored. */
export function formFields(formData: FormData, names: readonly string[]) {
  return Object.fromEntries(
    names.map((name) => {
      const value = formData.get(name)
      return [name, typeof value === 'string' ? value : undefined]
    }),
  )
}
