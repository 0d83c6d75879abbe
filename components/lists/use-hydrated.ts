import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False in the server's HTML and while hydrating, true once React runs in the browser: forms keep
 * their server action for people without JavaScript and gain optimistic updates for the rest.
 */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
