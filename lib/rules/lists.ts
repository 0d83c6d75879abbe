import { z } from 'zod'
import { filmIdSchema, rowId, text } from './common'
import { ENTRY_NOTE_MAX, LIST_DESCRIPTION_MAX, LIST_TITLE_MAX } from './list-limits'

export { ENTRY_NOTE_MAX, LIST_DESCRIPTION_MAX, LIST_TITLE_MAX }

export const listMessages = {
  titleMissing: 'Enter a title',
  titleLong: `Title must be at most ${LIST_TITLE_MAX} characters`,
  descriptionLong: `Description must be at most ${LIST_DESCRIPTION_MAX} characters`,
  noteMissing: 'The note is missing',
  noteLong: `Note must be at most ${ENTRY_NOTE_MAX} characters`,
  visibilityMissing: 'Choose Public or Private',
  listNotFound: 'That list was not found.',
  entryNotFound: 'That film is not on this list.',
  directionMissing: 'Choose Move up or Move down',
  confirmMissing: 'Tick the box to confirm that the list should be deleted',
  saved: 'Your changes have been saved.',
  noteSaved: 'Note saved.',
  added: (title: string) => `Added to “${title}”.`,
  alreadyOn: (title: string) => `It is already on “${title}”.`,
}

const listIdSchema = rowId(listMessages.listNotFound)

export const listFieldsSchema = z.object({
  title: z
    .string({ error: listMessages.titleMissing })
    .pipe(text(LIST_TITLE_MAX, listMessages.titleLong))
    .refine((title) => title.length > 0, listMessages.titleMissing),
  description: z
    .string()
    .optional()
    .transform((value) => value ?? '')
    .pipe(text(LIST_DESCRIPTION_MAX, listMessages.descriptionLong, { multiline: true })),
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
    .pipe(text(ENTRY_NOTE_MAX, listMessages.noteLong, { multiline: true })),
})

/** Hidden ids, and the Move buttons' direction, are nothing the person can correct in a field. */
export const LIST_FIELDS_IN_MESSAGE = ['listId', 'filmId', 'direction'] as const

export type ListFields = z.output<typeof listFieldsSchema>
export type ListEdit = z.output<typeof editListSchema>
export type EntryRef = z.output<typeof entrySchema>
export type EntryMove = z.output<typeof moveEntrySchema>
export type EntryNote = z.output<typeof entryNoteSchema>

/** Where a member's list lives. */
export const listPath = (username: string, slug: string) =>
  `/u/${encodeURIComponent(username)}/lists/${encodeURIComponent(slug)}`
