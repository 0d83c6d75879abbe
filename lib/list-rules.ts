import { z } from 'zod'

export const LIST_TITLE_MAX = 100
export const LIST_DESCRIPTION_MAX = 2000
export const ENTRY_NOTE_MAX = 500

export const listMessages = {
  titleMissing: 'Enter a title',
  titleLong: `Title must be at most ${LIST_TITLE_MAX} characters`,
  descriptionLong: `Description must be at most ${LIST_DESCRIPTION_MAX} characters`,
  noteMissing: 'The note is missing',
  noteLong: `Note must be at most ${ENTRY_NOTE_MAX} characters`,
  controlCharacters: 'Remove the invisible control characters',
  visibilityMissing: 'Choose Public or Private',
  listMissing: 'Choose a list',
  filmMissing: 'Choose a film',
  directionMissing: 'Choose Move up or Move down',
  confirmMissing: 'Tick the box to confirm that the list should be deleted',
} as const

// Code points, so that an emoji or a letter outside the BMP counts as one character, as it does
// for a textarea's maxlength.
const characters = (text: string) => [...text].length
// Browsers send a textarea's line breaks as CRLF but count them as one character.
const normaliseLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n')

const ONE_LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/
const MULTILINE_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

const text = (max: number, tooLong: string, controls: RegExp) =>
  z
    .string()
    .transform(normaliseLineBreaks)
    .pipe(z.string().trim())
    .refine((value) => characters(value) <= max, { error: tooLong, abort: true })
    .refine((value) => !controls.test(value), listMessages.controlCharacters)

const id = (missing: string) =>
  z.coerce
    .number({ error: missing })
    .int({ error: missing })
    .positive({ error: missing })
    .max(Number.MAX_SAFE_INTEGER, { error: missing })

export const listIdSchema = id(listMessages.listMissing)
export const filmIdSchema = id(listMessages.filmMissing)

export const listFieldsSchema = z.object({
  title: z
    .string({ error: listMessages.titleMissing })
    .pipe(text(LIST_TITLE_MAX, listMessages.titleLong, ONE_LINE_CONTROLS))
    .refine((title) => title.length > 0, listMessages.titleMissing),
  description: z
    .string()
    .optional()
    .transform((value) => value ?? '')
    .pipe(text(LIST_DESCRIPTION_MAX, listMessages.descriptionLong, MULTILINE_CONTROLS)),
  visibility: z.enum(['public', 'private'], { error: listMessages.visibilityMissing }),
})

export const editListSchema = listFieldsSchema.extend({ listId: listIdSchema })

export const deleteListSchema = z.object({
  listId: listIdSchema,
  confirm: z.literal('on', { error: listMessages.confirmMissing }),
})

export const entrySchema = z.object({ listId: listIdSchema, filmId: filmIdSchema })

export const moveEntrySchema = entrySchema.extend({
  direction: z.enum(['up', 'down'], { error: listMessages.directionMissing }),
})

export const entryNoteSchema = entrySchema.extend({
  note: z
    .string({ error: listMessages.noteMissing })
    .pipe(text(ENTRY_NOTE_MAX, listMessages.noteLong, MULTILINE_CONTROLS)),
})

export type ListFields = z.infer<typeof listFieldsSchema>

/** Where a member's list lives. */
export const listPath = (username: string, slug: string) =>
  `/u/${encodeURIComponent(username)}/lists/${encodeURIComponent(slug)}`
