import { z } from 'zod'

// Code points, so that an emoji or a letter outside the BMP counts as one character, as it does
// for an input's or a textarea's maxlength.
export const characters = (text: string) => [...text].length

// Browsers send a textarea's line breaks as CRLF but count them as one character.
const normaliseLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n')

const ONE_LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/
const MULTILINE_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
export const CONTROL_CHARACTERS = 'Remove the invisible control characters'

/** Trimmed text of at most `max` characters, on one line or (`multiline`) several. */
export const text = (max: number, tooLong: string, { multiline = false } = {}) =>
  z
    .string()
    .transform(normaliseLineBreaks)
    .pipe(z.string().trim())
    .refine((value) => characters(value) <= max, { error: tooLong, abort: true })
    .refine(
      (value) => !(multiline ? MULTILINE_CONTROLS : ONE_LINE_CONTROLS).test(value),
      CONTROL_CHARACTERS,
    )

/** A row id from a hidden field: a positive whole number, whatever a forged form sends. */
export const rowId = (missing: string) =>
  z.coerce
    .number({ error: missing })
    .int({ error: missing })
    .positive({ error: missing })
    .max(Number.MAX_SAFE_INTEGER, { error: missing })

export const FILM_NOT_FOUND = 'This film is not in the catalogue.'

/** The film a form acts on: the one schema every rating, watchlist and list form shares. */
export const filmIdSchema = rowId(FILM_NOT_FOUND)

/** An unticked checkbox sends nothing; a ticked one sends "on". */
export const checkbox = (message: string) =>
  z
    .enum(['on'], { error: message })
    .optional()
    .transform((value) => value === 'on')

/** Messages by field name, for showing next to each form field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const byField: Record<string, string[] | undefined> = z.flattenError(error).fieldErrors
  return Object.fromEntries(
    Object.entries(byField).filter((entry): entry is [string, string[]] => entry[1] !== undefined),
  )
}
