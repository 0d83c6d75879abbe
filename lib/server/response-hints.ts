import { AsyncLocalStorage } from 'node:async_hooks'
import type { ServerResponse } from 'node:http'

// server.ts and the app's server bundle each load their own copy of this file; the store lives on
// the process so that both see the same one.
const KEY = Symbol.for('kinofront.response-being-answered')
const holder = globalThis as { [KEY]?: AsyncLocalStorage<ServerResponse> }
const answering = (holder[KEY] ??= new AsyncLocalStorage<ServerResponse>())

/** Runs `work` (Next answering `res`) so that code inside it may add headers to `res`. */
export function whileAnswering<T>(res: ServerResponse, work: () => T): T {
  return answering.run(res, work)
}

/**
 * Tells the client when to try again (`Retry-After`, in whole seconds) on the response being
 * answered: a server action's result cannot set a header itself, and a refused sign-up must
 * carry one whether it came as a form post without JavaScript or as the browser's action call.
 * Outside server.ts (tests, `next dev` without it) there is no response and nothing happens.
 */
export function retryAfter(seconds: number): void {
  const res = answering.getStore()
  if (res && !res.headersSent) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(seconds))))
}
