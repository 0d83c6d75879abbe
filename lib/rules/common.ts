import { z } from 'zod'

// In the browser zod would first try `new Function` (to compile faster parsers), which the
// Content-Security-Policy refuses (no 'unsafe-eval', lib/server/security-headers.ts): harmless,
// as zod falls back, but reported as a violation. The rules here run without it.
if (typeof window !== 'undefined') z.config({ jitless: true })

// Code points, so that an emoji or a letter outside the BMP counts as one character, as it does
// for an input's or a textarea's maxlength.
export const characters = (text: string) => [...text].length

// Browsers send a textarea's line breaks as CRLF but count them as one character.
const normaliseLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n')

// Control characters (\p{Cc}) but a line break where lines are allowed, and format characters
// (\p{Cf}: zero-width spaces and joiners, the right-to-left override…), which hide or reorder text.
const ONE_LINE_CONTROLS = /[\p{Cc}\p{Cf}]/u
const MULTILINE_CONTROLS = /[^\n\P{Cc}]|\p{Cf}/u
export const CONTROL_CHARACTERS = 'Remove the invisible control characters'
// A letter, digit, punctuation mark or symbol: something a reader can see. Blank "letters" (the
// Hangul fillers) and the blank braille pattern do not count.
const VISIBLE = /(?![\u115f\u1160\u3164\uffa0\u2800])[\p{L}\p{N}\p{P}\p{S}]/u
export const NOTHING_VISIBLE = 'Type at least one visible character'

/** Trimmed text of at most `max` characters, on one line or (`multiline`) several. */
export const text = (max: number, tooLong: string, { multiline = false } = {}) =>
  z
    .string()
    .transform(normaliseLineBreaks)
    .pipe(z.string().trim())
    .refine((value) => characters(value) <= max, { error: tooLong, abort: true })
    .refine((value) => !(multiline ? MULTILINE_CONTROLS : ONE_LINE_CONTROLS).test(value), {
      error: CONTROL_CHARACTERS,
      abort: true,
    })
    .refine((value) => value === '' || VISIBLE.test(value), NOTHING_VISIBLE)

/**
 * A whole number as a form sends it: plain decimal digits only, never `0x5`, `1e1`, ` 7` or
 * `+7` (which a number coercion would take); at most 15 digits, so it is always exact.
 */
export const digits = (message: string) =>
  z
    .string({ error: message })
    .regex(/^[0-9]{1,15}$/, { error: message })
    .transform(Number)

/** A row id from a hidden field: a positive whole number in digits, whatever a forged form sends. */
export const rowId = (missing: string) =>
  digits(missing).pipe(z.number().positive({ error: missing }))

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
