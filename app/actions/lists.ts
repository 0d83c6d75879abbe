'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { addToList, moveEntry, removeFromList, saveEntryNote } from '@/db/list-entries'
import type { ChangedList, ListOutcome } from '@/db/list-scope'
import { createList, deleteList, updateList } from '@/db/lists'
import type { Viewer } from '@/db/users'
import { formFields, type ActionState } from '@/lib/action-state'
import { listPath } from '@/lib/list-rules'
import { pageOfOrigin, requireViewer } from '@/lib/viewer'

/** Every list action starts by finding out who is asking: actions are public endpoints. */
function signedIn<Args extends unknown[]>(
  run: (viewer: Viewer, ...args: Args) => Promise<ActionState>,
) {
  return async (...args: Args) => run(await requireViewer(await pageOfOrigin('/lists')), ...args)
}

/** Refreshes the pages that show the list: its own, /lists and, when it shows there, the profile. */
function revalidateList(list: ChangedList, { profile = list.public } = {}) {
  revalidatePath('/lists')
  if (!list.ownerUsername) return
  revalidatePath(listPath(list.ownerUsername, list.slug))
  if (profile) revalidatePath(`/u/${list.ownerUsername}`)
}

function settle(outcome: ListOutcome, message?: string): ActionState {
  if (!outcome.ok) return outcome
  revalidateList(outcome.list)
  return { ok: true, message }
}

const LIST_FIELDS = ['title', 'description', 'visibility'] as const

/** What was typed, to fill the form again when it comes back without JavaScript. */
const typed = (fields: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, value ?? '']))

export const createListAction = signedIn(
  async (viewer, _previous: ActionState | null, formData: FormData) => {
    const fields = formFields(formData, LIST_FIELDS)
    const outcome = await createList(viewer, fields)
    if (!outcome.ok) return { ...outcome, values: typed(fields) }
    revalidateList(outcome.list)
    const { ownerUsername, slug } = outcome.list
    redirect(ownerUsername ? listPath(ownerUsername, slug) : '/lists')
  },
)

export const updateListAction = signedIn(
  async (viewer, _previous: ActionState | null, formData: FormData) => {
    const fields = formFields(formData, ['listId', ...LIST_FIELDS])
    const outcome = await updateList(viewer, fields)
    if (!outcome.ok) return { ...outcome, values: typed(fields) }
    // It may just have become private, so its owner's profile changes either way.
    revalidateList(outcome.list, { profile: true })
    return { ok: true, message: 'Your changes have been saved.' }
  },
)

export const deleteListAction = signedIn(
  async (viewer, _previous: ActionState | null, formData: FormData) => {
    const outcome = await deleteList(viewer, formFields(formData, ['listId', 'confirm']))
    if (!outcome.ok) return outcome
    revalidateList(outcome.list)
    redirect('/lists?deleted=1')
  },
)

export const addToListAction = signedIn(
  async (viewer, _previous: ActionState | null, formData: FormData) => {
    const outcome = await addToList(viewer, formFields(formData, ['listId', 'filmId']))
    if (!outcome.ok) return outcome
    const { title } = outcome.list
    return settle(outcome, outcome.added ? `Added to “${title}”.` : `It is already on “${title}”.`)
  },
)

export const saveNoteAction = signedIn(
  async (viewer, _previous: ActionState | null, formData: FormData) => {
    const fields = formFields(formData, ['listId', 'filmId', 'note'])
    const outcome = await saveEntryNote(viewer, fields)
    if (!outcome.ok) return { ...outcome, values: typed(fields) }
    return settle(outcome, 'Note saved.')
  },
)

export const moveEntryAction = signedIn(
  async (viewer, _previous: ActionState | null, formData: FormData) =>
    settle(await moveEntry(viewer, formFields(formData, ['listId', 'filmId', 'direction']))),
)

export const removeFromListAction = signedIn(
  async (viewer, _previous: ActionState | null, formData: FormData) =>
    settle(await removeFromList(viewer, formFields(formData, ['listId', 'filmId']))),
)
