import { randomBytes } from 'node:crypto'

// A one-time ticket that signs in an account whose password the server has just hashed (a new
// account, or a password just changed), so that the sign-in that follows does not spend a second
// scrypt re-checking the password it was handed a moment ago. The sign-up action issues one and
// passes it straight to Auth.js (`signIn(SIGN_IN_TICKET, { ticket })`) in the same process; the
// ticket never reaches the browser. 256 random bits, used once, good for a minute.

/** The Auth.js provider that takes a ticket (auth.ts). */
export const SIGN_IN_TICKET = 'sign-in-ticket'
const LIFETIME_MS = 60_000
const MAX_TICKETS = 1_000

type Ticket = { userId: string; expiresAtMs: number }

// The action and the Auth.js provider may live in different bundles of the same process.
const KEY = Symbol.for('kinofront.sign-in-tickets')
const holder = globalThis as { [KEY]?: Map<string, Ticket> }
const tickets = (holder[KEY] ??= new Map())

export function issueSignInTicket(userId: string, now = Date.now()): string {
  for (const [ticket, { expiresAtMs }] of tickets) {
    if (expiresAtMs > now && tickets.size < MAX_TICKETS) break
    tickets.delete(ticket) // the oldest first: the map keeps insertion order
  }
  const ticket = randomBytes(32).toString('base64url')
  tickets.set(ticket, { userId, expiresAtMs: now + LIFETIME_MS })
  return ticket
}

/** The account the ticket was issued for, once; null for anything unknown, used or expired. */
export function redeemSignInTicket(ticket: unknown, now = Date.now()): string | null {
  if (typeof ticket !== 'string') return null
  const found = tickets.get(ticket)
  if (!found) return null
  tickets.delete(ticket)
  return found.expiresAtMs > now ? found.userId : null
}
