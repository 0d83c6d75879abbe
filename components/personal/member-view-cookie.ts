import { MEMBER_VIEW } from '@/lib/member-view'

// The browser's side of lib/member-view.ts; public/member-view.js reads the same cookie before
// the page paints. A session cookie (no expiry): a browser later run without JavaScript gets the
// per-request pages again once it has been closed.

const MARK = 'data-member-view'

/** Whether this browser fetches the member's part of shared pages itself. */
export function hasMemberViewCookie(): boolean {
  const { cookie, cookieValue } = MEMBER_VIEW
  return document.cookie.split(/;\s*/).includes(`${cookie}=${cookieValue}`)
}

/**
 * Marks this browser as a member's running JavaScript, or unmarks it and the page. Marking leaves
 * the page as it is (public/member-view.js marks the next one before it paints): marked now, its
 * header would move.
 */
export function setMemberViewCookie(member: boolean) {
  if (!member) document.documentElement.removeAttribute(MARK)
  if (member === hasMemberViewCookie()) return
  const { cookie, cookieValue } = MEMBER_VIEW
  const attributes = `; Path=/; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`
  document.cookie = member
    ? `${cookie}=${cookieValue}${attributes}`
    : `${cookie}=${attributes}; Max-Age=0`
}
