import type { ListEntryView } from '@/db/list-queries'

/** What a Move up, Move down or Remove button asks for, as the list shows it before the server answers. */
export type EntryChange = { filmId: number; kind: 'up' | 'down' | 'remove' }

export function entryChangeOf(formData: FormData): EntryChange {
  const direction = formData.get('direction')
  return {
    filmId: Number(formData.get('filmId')),
    kind: direction === 'up' || direction === 'down' ? direction : 'remove',
  }
}

export function applyEntryChange(entries: ListEntryView[], change: EntryChange) {
  const index = entries.findIndex((entry) => entry.film.id === change.filmId)
  if (index < 0) return entries
  if (change.kind === 'remove') return entries.filter((_, i) => i !== index)
  const other = change.kind === 'up' ? index - 1 : index + 1
  if (other < 0 || other >= entries.length) return entries
  const reordered = [...entries]
  reordered[index] = entries[other]!
  reordered[other] = entries[index]!
  return reordered
}
