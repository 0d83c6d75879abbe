import type { FilmDiaryState } from '@/db/diary'
import { FilmEntries } from './film-entries'
import { LogViewingForm } from './log-viewing-form'
import { WatchedToggle } from './watched-toggle'

type Props = {
  film: { id: number; title: string; yearStart: number }
  diary: FilmDiaryState
  /** YYYY-MM-DD: where "Date watched" starts. */
  today: string
}

/**
 * The film page's diary controls: watched, the member's entries, and logging a viewing. Part of
 * the personal panel, so rendered on the server (page per request) or in the browser (shared page).
 */
export function DiaryControls({ film, diary, today }: Props) {
  const logged = diary.entries.length > 0
  return (
    <section className="diary-panel" aria-labelledby="your-diary-heading">
      <h2 id="your-diary-heading">Your diary</h2>
      <WatchedToggle filmId={film.id} watched={diary.watched} logged={logged} />
      <FilmEntries entries={diary.entries} />
      <LogViewingForm film={film} loggedBefore={logged} today={today} />
    </section>
  )
}
