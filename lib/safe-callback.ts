const ORIGIN = 'http://kinofront.invalid'

/**
 * Where to send someone after signing in: a path on this site, or `/`. Anything that could
 * leave the site — `//evil.example`, `/\evil.example`, `https://evil.example`, the same with
 * percent-encoded slashes or backslashes, control characters — falls back to `/`.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/'
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return '/'
  }
  for (const candidate of [value, decoded]) {
    if (!candidate.startsWith('/') || candidate.startsWith('//')) return '/'
    if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return '/'
  }
  try {
    const url = new URL(value, ORIGIN)
    if (url.origin !== ORIGIN) return '/'
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}

/** The sign-in page, coming back to `path` afterwards. */
export function signInPath(path: string) {
  return `/signin?callbackUrl=${encodeURIComponent(path)}`
}
