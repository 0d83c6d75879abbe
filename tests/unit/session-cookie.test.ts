import { encode, getToken } from 'next-auth/jwt'
import { describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '@/lib/session-cookie'

describe('the session cookie names', () => {
  const secret = 'a test secret that is long enough to be accepted'

  // The rewrites to the signed-in pages hang on these names; Auth.js must still be using them.
  it.each([
    { https: false, name: SESSION_COOKIE.http },
    { https: true, name: SESSION_COOKIE.https },
  ])('are the names Auth.js gives its cookie (HTTPS: $https)', async ({ https, name }) => {
    const token = await encode({ token: { sub: 'ann' }, secret, salt: name })
    const req = { headers: { cookie: `${name}=${token}` } }
    expect(await getToken({ req, secret, secureCookie: https })).toMatchObject({ sub: 'ann' })
  })
})
