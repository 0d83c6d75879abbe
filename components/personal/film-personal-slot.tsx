'use client'

import { SignedOutPanel } from './signed-out-panel'
import { FilmPersonalControls } from './film-personal-controls'
import { usePersonalView } from './personal-state'

type Props = { film: { id: number; slug: string; title: string } }

/**
 * The shared film page's place for the member's controls: a way to sign in for a visitor, the
 * member's own controls once their state has come (in space reserved for them, see globals.css).
 */
export function FilmPersonalSlot({ film }: Props) {
  const view = usePersonalView()
  return (
    <div className="personal-slot">
      {view.status === 'member' && view.state.film ? (
        <FilmPersonalControls film={film} state={view.state.film} />
      ) : view.status === 'failed' ? (
        <p className="form-error" role="alert">
          Your rating and lists could not be loaded. Reload the page to try again.
        </p>
      ) : (
        <SignedOutPanel film={film} />
      )}
    </div>
  )
}
