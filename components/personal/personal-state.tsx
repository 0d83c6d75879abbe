'use client'

import { usePathname } from 'next/navigation'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import type { PersonalState } from '@/db/personal-state'
import { MEMBER_VIEW } from '@/lib/member-view'
import type { PersonalStateReply } from '@/lib/server/personal-state'
import { hasMemberViewCookie, setMemberViewCookie } from './member-view-cookie'

/**
 * The member's own part of a shared page. `unknown` until the browser has looked (on the server
 * and before hydration): the page then shows what a visitor sees, hidden from a member's browser
 * by public/member-view.js.
 */
export type PersonalView =
  | { status: 'unknown' | 'visitor' | 'loading' | 'failed' }
  | { status: 'member'; state: PersonalState }

type Context = {
  view: PersonalView
  /** The member's own name from the last answer, kept while the next page's is on its way. */
  username: string | null | undefined
  refresh: () => void
}

const PersonalContext = createContext<Context | null>(null)

/**
 * Fetches the member's state for the page shown (again after each client-side navigation, and
 * when a form asks): only in a browser marked by lib/member-view.ts's cookie, which a session
 * reaching a shared page implies. Never cached: a reload shows the latest at once.
 */
export function PersonalStateProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname()
  // null on the server and while hydrating, so the first render matches the shared HTML.
  const marked = useSyncExternalStore(noSubscription, hasMemberViewCookie, () => null)
  const [asked, setAsked] = useState(0)
  const [answer, setAnswer] = useState<Answer | null>(null)

  useEffect(() => {
    // Signing out deletes the cookie on the server; the page's own mark must follow.
    if (marked === false) setMemberViewCookie(false)
    if (!marked) return
    const abort = new AbortController()
    fetchPersonalState(pathname, abort.signal).then(
      (member) => {
        if (!member) setMemberViewCookie(false)
        const view: PersonalView = member
          ? { status: 'member', state: member }
          : { status: 'visitor' }
        setAnswer({ pathname, asked, view })
      },
      () => !abort.signal.aborted && setAnswer({ pathname, asked, view: { status: 'failed' } }),
    )
    return () => abort.abort()
  }, [marked, pathname, asked])

  const refresh = useCallback(() => setAsked((n) => n + 1), [])
  return (
    <PersonalContext
      value={{
        view: viewOf(marked, answer, { pathname, asked }),
        username:
          marked && answer?.view.status === 'member' ? answer.view.state.username : undefined,
        refresh,
      }}
    >
      {children}
    </PersonalContext>
  )
}

const noSubscription = () => () => {}

type Answer = { pathname: string; asked: number; view: PersonalView }

/** While the page's state is asked again, its last answer stays shown: nothing flickers. */
function viewOf(
  marked: boolean | null,
  answer: Answer | null,
  current: { pathname: string; asked: number },
): PersonalView {
  if (marked === null) return { status: 'unknown' }
  if (!marked) return { status: 'visitor' }
  if (answer?.pathname !== current.pathname) return { status: 'loading' }
  if (answer.asked === current.asked || answer.view.status === 'member') return answer.view
  return { status: 'loading' }
}

async function fetchPersonalState(pathname: string, signal: AbortSignal) {
  const url = `${MEMBER_VIEW.statePath}?page=${encodeURIComponent(pathname)}`
  const response = await fetch(url, { cache: 'no-store', signal })
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return ((await response.json()) as PersonalStateReply).member
}

/** The member's part of the page; on a page rendered per request, `unknown` (it has its own). */
export function usePersonalView(): PersonalView {
  return useContext(PersonalContext)?.view ?? { status: 'unknown' }
}

/** The member's name for the account menu (null: not chosen yet), undefined when not known. */
export function useMemberName(): string | null | undefined {
  return useContext(PersonalContext)?.username
}

/**
 * Fetches the member's state again after a form's answer `result` changes, so that what the
 * shared page shows follows the change (a page rendered per request is rendered again instead).
 */
export function useRefreshAfter(result: unknown) {
  const refresh = useContext(PersonalContext)?.refresh
  useEffect(() => {
    if (result !== null && result !== undefined) refresh?.()
  }, [result, refresh])
}
