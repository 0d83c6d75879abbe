'use client'

import Link from 'next/link'
import { useActionState, useLayoutEffect, useOptimistic, useRef } from 'react'
import { moveEntryAction, removeFromListAction } from '@/app/actions/lists'
import type { ListEntryView } from '@/db/list-queries'
import { applyEntryChange, entryChangeOf, type EntryChange } from './entry-change'
import { EntryControls } from './entry-controls'
import { EntryNoteForm } from './entry-note-form'
import { ListEntryFilm } from './list-entry-film'
import './lists.css'

/** The list as its owner sees it: reorder, annotate and remove, at once with JavaScript. */
export function OwnerEntries({ listId, entries }: { listId: number; entries: ListEntryView[] }) {
  const [moved, move] = useActionState(moveEntryAction, null)
  const [removed, remove] = useActionState(removeFromListAction, null)
  const [shown, applyOptimistic] = useOptimistic(entries, applyEntryChange)
  const listRef = useRef<HTMLOListElement>(null)
  const lastChange = useRef<(EntryChange & { index: number }) | null>(null)
  const problem = [moved, removed].find((state) => state && !state.ok)

  const predict = (formData: FormData) => {
    const entryChange = entryChangeOf(formData)
    const index = shown.findIndex((entry) => entry.film.id === entryChange.filmId)
    lastChange.current = { ...entryChange, index }
    applyOptimistic(entryChange)
  }
  // Moving or removing an entry moves DOM nodes, which drops focus; put it back where it was.
  useLayoutEffect(() => {
    const done = lastChange.current
    lastChange.current = null
    if (!done || !listRef.current) return
    if (done.kind === 'remove') {
      // The entry that took its place, or the one before it at the end of the list.
      const links = listRef.current.querySelectorAll<HTMLElement>('li h2 a')
      links[Math.min(done.index, links.length - 1)]?.focus()
      return
    }
    const entry = listRef.current.querySelector(`#entry-${done.filmId}`)
    const buttons = [done.kind, done.kind === 'up' ? 'down' : 'up'].map((direction) =>
      entry?.querySelector<HTMLButtonElement>(`button[value="${direction}"]`),
    )
    buttons.find((button) => button && !button.disabled)?.focus()
  }, [shown])

  return (
    <>
      <div role="status" className="list-status">
        {problem?.message && <p className="form-error">{problem.message}</p>}
      </div>
      {shown.length === 0 ? (
        <p>
          This list is empty. Add films from a film’s page with <strong>Add to list</strong>, or{' '}
          <Link href="/films">browse all films</Link>.
        </p>
      ) : (
        <ol
          ref={listRef}
          className="list-entries"
          aria-label="Films on this list"
          aria-busy={shown !== entries}
        >
          {shown.map((entry, index) => (
            <li key={entry.film.id} id={`entry-${entry.film.id}`} className="film-entry">
              <ListEntryFilm film={entry.film} number={index + 1}>
                <EntryControls
                  listId={listId}
                  filmId={entry.film.id}
                  first={index === 0}
                  last={index === shown.length - 1}
                  move={move}
                  remove={remove}
                  predict={predict}
                />
                <EntryNoteForm listId={listId} film={entry.film} note={entry.note} />
              </ListEntryFilm>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
