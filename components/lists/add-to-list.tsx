import Link from 'next/link'
import { listsForFilm } from '@/db/list-queries'
import type { Viewer } from '@/db/users'
import { AddToListForm } from './add-to-list-form'
import './lists.css'

type Props = { film: { id: number; title: string }; viewer: Viewer }

/** The film page's way onto the viewer's own lists. */
export async function AddToList({ film, viewer }: Props) {
  const lists = await listsForFilm(viewer, film.id)
  if (lists.length === 0) {
    return (
      <p className="add-to-list">
        <Link href="/lists/new">Make a list</Link> to add {film.title} to.
      </p>
    )
  }
  return <AddToListForm filmId={film.id} lists={lists} />
}
