import { filmDiaryState } from '@/db/diary'
import type { Viewer } from '@/db/users'
import { todayUtc } from '@/lib/rules/diary'
import { FilmEntries } from './film-entries'
import { LogViewingForm } from './log-viewing-form'
import { WatchedToggle } from './watched-toggle'

type Props = { film: { id: number; title: string; yearStart: number }; viewer: Viewer }

/** The film page's diary controls: watched, the viewer's entries, and logging a viewing. */
export async function DiaryPanel({ film, viewer }: Props) {
  const state = await filmDiaryState(viewer, film.id)
  const logged = state.entries.length > 0
  return (
    <section className="diary-panel" aria-labelledby="your-diary-heading">
      <h2 id="your-diary-heading">Your diary</h2>
      <WatchedToggle filmId={film.id} watched={state.watched} logged={logged} />
      <FilmEntries entries={state.entries} />
      <LogViewingForm film={film} loggedBefore={logged} today={todayUtc()} />
    </section>
  )
}
