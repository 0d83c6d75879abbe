/**
 * Auth.js's own names for its session cookie (auth.ts keeps its defaults): the `__Secure-` one
 * is set when the site is served over HTTPS. next.config.ts and server.ts must recognise a
 * session before Auth.js runs, so they read the names here.
 */
export const SESSION_COOKIE = {
  http: 'authjs.session-token',
  https: '__Secure-authjs.session-token',
} as const

export const SESSION_COOKIES = [SESSION_COOKIE.https, SESSION_COOKIE.http] as const
