import { describe, expect, it } from 'vitest'
import { issueSignInTicket, redeemSignInTicket } from '@/lib/sign-in-ticket'

describe('sign-in tickets', () => {
  it('signs in the account it was issued for, once', () => {
    const ticket = issueSignInTicket('user-1')
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(redeemSignInTicket(ticket)).toBe('user-1')
    expect(redeemSignInTicket(ticket)).toBeNull()
  })

  it('refuses a ticket it never issued, anything not a string, and one past its minute', () => {
    expect(redeemSignInTicket('A'.repeat(43))).toBeNull()
    expect(redeemSignInTicket(undefined)).toBeNull()
    expect(redeemSignInTicket(['x'])).toBeNull()
    const now = Date.now()
    const late = issueSignInTicket('user-2', now)
    expect(redeemSignInTicket(late, now + 60_001)).toBeNull()
    // Refused late, it is gone too.
    expect(redeemSignInTicket(late, now)).toBeNull()
  })

  it('tickets differ for the same account', () => {
    const first = issueSignInTicket('user-3')
    const second = issueSignInTicket('user-3')
    expect(first).not.toBe(second)
    expect(redeemSignInTicket(second)).toBe('user-3')
    expect(redeemSignInTicket(first)).toBe('user-3')
  })
})
