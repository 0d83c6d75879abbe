import type { IncomingMessage, ServerResponse } from 'node:http'
import { CLIENT_ADDRESS_HEADER } from '../client-address'
import { accountMessages, formatRetryMessage, TOO_MANY_SIGN_UPS } from '../rules/accounts'

/**
 * A flood of sign-ups cost the other visitors most of its time not in hashing (the gate and the
 * per-address limit stop that) but in answering each refused post: Next decodes the action and
 * renders the whole sign-up page again, 8 at a time, on the one thread that also renders
 * everyone's pages. So once an address has had the full answer (the form, what was typed and
 * the message) a few times in its refused window, or while the hashing queue is full, server.ts
 * answers its sign-up posts itself: a short page with the message and `Retry-After`, after a
 * pause that holds a flooding client's connections (a timer, no work) instead of letting it ask
 * again at once.
 *
 * Only form posts (no JavaScript), which cost a whole page: the browser's own action call
 * (`Next-Action`) costs Next no page, and must get an answer its form can show (the message by
 * the form, with `Retry-After`: lib/server/response-hints.ts), not a page of ours.
 */
const FULL_ANSWERS = 3
const PAUSE_MS = 1000
const MAX_ADDRESSES = 10_000
const SIGN_UP_PATH = '/signup'

type State = {
  refused: Map<string, { times: number; untilMs: number }>
  hashingFull: () => { retryAfterSeconds: number } | null
}

// server.ts and the app's server bundle each load their own copy of this file; the state lives
// on the process so that both see the same one.
const KEY = Symbol.for('kinofront.sign-up-flood')
const holder = globalThis as { [KEY]?: State }
const state = (holder[KEY] ??= { refused: new Map(), hashingFull: () => null })

/** The sign-up action refused `clientAddress` until `retryAt` (too many accounts from it). */
export function noteSignUpRefused(clientAddress: string, retryAt: Date): void {
  const known = state.refused.get(clientAddress)
  state.refused.delete(clientAddress) // re-added last: the map drops the longest quiet first
  state.refused.set(clientAddress, { times: (known?.times ?? 0) + 1, untilMs: retryAt.getTime() })
  if (state.refused.size > MAX_ADDRESSES) {
    state.refused.delete(state.refused.keys().next().value!)
  }
}

/** How server.ts learns that the sign-up hashing queue has no room (and when to try again). */
export function watchSignUpHashing(full: () => { retryAfterSeconds: number } | null): void {
  state.hashingFull = full
}

const page = (message: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign up – Kinofront</title></head><body><main><h1>Sign up</h1><p role="alert">${message}</p><p><a href="${SIGN_UP_PATH}">Back to the sign-up form</a></p></main></body></html>` // prettier-ignore

/**
 * Answers a sign-up post from a flooding address (or while hashing is full) with 429 or 503 and
 * `Retry-After`, without Next; says whether it did.
 */
export function answerSignUpFlood(
  req: IncomingMessage,
  res: ServerResponse,
  path: string | null,
  now = Date.now(),
): boolean {
  if (req.method !== 'POST' || path !== SIGN_UP_PATH || req.headers['next-action']) return false
  const address = String(req.headers[CLIENT_ADDRESS_HEADER] ?? '')
  const refused = state.refused.get(address)
  if (refused && refused.untilMs <= now) state.refused.delete(address)
  let answer: { status: number; retryAfterSeconds: number; message: string }
  if (refused && refused.untilMs > now && refused.times >= FULL_ANSWERS) {
    answer = {
      status: 429,
      retryAfterSeconds: Math.ceil((refused.untilMs - now) / 1000),
      message: formatRetryMessage(new Date(refused.untilMs), new Date(now), TOO_MANY_SIGN_UPS),
    }
  } else {
    const busy = state.hashingFull()
    if (!busy) return false
    const { retryAfterSeconds } = busy
    answer = { status: 503, retryAfterSeconds, message: accountMessages.busy(retryAfterSeconds) }
  }
  req.resume() // the form is not read
  setTimeout(() => {
    if (res.destroyed) return
    res.writeHead(answer.status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(answer.retryAfterSeconds),
      'Cache-Control': 'no-store',
    })
    res.end(page(answer.message))
  }, PAUSE_MS).unref()
  return true
}
