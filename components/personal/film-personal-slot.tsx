'use client'

import dynamic from 'next/dynamic'
import { useEffect } from 'react'
import { SignedOutPanel } from './signed-out-panel'
import { usePersonalView } from './personal-state'

// Only a member's browser needs the controls' code (rating, watchlist, lists, diary: forms, their
// rules and stylesheets), so a visitor's page loads none of it. A member's browser asks for it as
// soon as it knows, beside the request for the member's state, in the room kept for the controls.
const loadControls = () => import('./film-personal-controls').then((m) => m.FilmPersonalControls)
const FilmPersonalControls = dynamic(loadControls, { ssr: false })

type Props = { film: { id: number; slug: string; title: string } }

/**
 * The shared film page's place for the member's controls: a way to sign in for a visitor, the
 * member's own controls once their state has come (in space reserved for them, see globals.css).
 */
export function FilmPersonalSlot({ film }: Props) {
  const view = usePersonalView()
  const member = view.status === 'loading' || view.status === 'member'
  useEffect(() => {
    if (member) void loadControls()
  }, [member])
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
