'use server'

import { redirect } from 'next/navigation'
import { addToList, moveEntry, removeFromList, saveEntryNote } from '@/db/list-entries'
import type { ChangedList, ListChange } from '@/db/list-scope'
import { createList, deleteList, updateList } from '@/db/lists'
import { memberAction } from '@/lib/action'
import { failure, type ActionResult } from '@/lib/action-result'
import { invalidate } from '@/lib/invalidate'
import { FILM_NOT_FOUND } from '@/lib/rules/common'
import {
  deleteListSchema,
  editListSchema,
  entryNoteSchema,
  entrySchema,
  LIST_FIELDS_IN_MESSAGE,
  listFieldsSchema,
  listMessages,
  listPath,
  moveEntrySchema,
} from '@/lib/rules/lists'

const options = { inMessage: LIST_FIELDS_IN_MESSAGE, returnTo: '/lists' }

const MISSING = {
  list: listMessages.listNotFound,
  film: FILM_NOT_FOUND,
  entry: listMessages.entryNotFound,
}

/** Refreshes what shows the list and answers; `message` may depend on what was done. */
async function settle<T>(
  change: ListChange<T>,
  message?: (done: { list: ChangedList } & T) => string,
): Promise<ActionResult> {
  if ('missing' in change) return failure(MISSING[change.missing])
  await invalidate.list(change.list)
  return { ok: true, message: message?.(change) }
}

export const createListAction = memberAction(
  listFieldsSchema,
  async (fields, { viewer }) => {
    const list = await createList(viewer, fields)
    await invalidate.list(list)
    redirect(list.ownerUsername ? listPath(list.ownerUsername, list.slug) : '/lists')
  },
  options,
)

export const updateListAction = memberAction(
  editListSchema,
  async (fields, { viewer }) => {
    const list = await updateList(viewer, fields)
    if (!list) return failure(listMessages.listNotFound)
    await invalidate.list(list, { visibilityMayHaveChanged: true })
    return { ok: true, message: listMessages.saved }
  },
  options,
)

export const deleteListAction = memberAction(
  deleteListSchema,
  async ({ listId }, { viewer }) => {
    const list = await deleteList(viewer, listId)
    if (!list) return failure(listMessages.listNotFound)
    await invalidate.list(list)
    redirect('/lists?deleted=1')
  },
  options,
)

export const addToListAction = memberAction(
  entrySchema,
  async (entry, { viewer }) =>
    settle(await addToList(viewer, entry), ({ list, added }) =>
      added ? listMessages.added(list.title) : listMessages.alreadyOn(list.title),
    ),
  options,
)

export const saveNoteAction = memberAction(
  entryNoteSchema,
  async (note, { viewer }) =>
    settle(await saveEntryNote(viewer, note), () => listMessages.noteSaved),
  options,
)

export const moveEntryAction = memberAction(
  moveEntrySchema,
  async (move, { viewer }) => settle(await moveEntry(viewer, move)),
  options,
)

export const removeFromListAction = memberAction(
  entrySchema,
  async (entry, { viewer }) => settle(await removeFromList(viewer, entry)),
  options,
)
