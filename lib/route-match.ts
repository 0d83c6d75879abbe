import { PAGE_KINDS, TWIN_COOKIES, TWIN_ROOT, type PageKindName, type SlugCheck } from './routes'

export type PageMatch = {
  name: PageKindName
  served: 'cached-for-everyone' | 'per-request'
  /** The lookup to make before the page is rendered, if any. */
  check: SlugCheck | null
}

/**
 * The path Next routes a request target (`req.url`) to: dot segments resolved and `\` read as
 * `/`, as a URL parser does, escapes kept; null for a target that is not a URL.
 */
export function routedPath(target: string): string | null {
  try {
    return new URL(/^[/\\]/.test(target) ? `http://kinofront.invalid${target}` : target).pathname
  } catch {
    return null
  }
}

const matchers = (Object.keys(PAGE_KINDS) as PageKindName[]).map((name) => {
  const kind = PAGE_KINDS[name]
  const names: string[] = []
  const source = kind.path
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/:(\w+)/g, (_, param: string) => {
      names.push(param)
      return '([^/]+)'
    })
  // With a trailing slash too, which Next would redirect away: an unknown slug is a 404 at once.
  return { name, kind, names, pattern: new RegExp(`^${source.replace(/\/$/, '')}/?$`) }
})

/** The kind of page a routed path names, with its lookup; null for any other path. */
export function matchPage(path: string): PageMatch | null {
  for (const { name, kind, names, pattern } of matchers) {
    const found = pattern.exec(path)
    if (!found) continue
    const params = Object.fromEntries(names.map((param, i) => [param, decoded(found[i + 1]!)]))
    // The parameters were read with the names in this kind's own path, which its lookup takes.
    const check = 'exists' in kind ? ({ kind: kind.exists, params } as SlugCheck) : null
    return { name, served: kind.served, check }
  }
  return null
}

// A malformed escape is kept as written: no slug or username has a `%`, so it names nothing.
function decoded(segment: string) {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * Whether a routed path reaches a signed-in twin at the twin's own path, however it is spelt.
 * Next resolves dot segments and redirects doubled slashes and backslashes; a proxy in front may
 * decode escapes or ignore case. So each reading counts: the routed path, then the same with its
 * ASCII escapes decoded and slashes folded, again until nothing changes.
 */
export function reachesTwin(path: string): boolean {
  const readings = [path]
  for (let reading = path; readings.length < 8 && FOLDABLE.test(reading);) {
    const next = routedPath(decodeAscii(reading).replace(/[\\/]+/g, '/'))
    if (next === null || readings.includes(next)) break
    readings.push((reading = next))
  }
  return readings.some((reading) => {
    const lower = reading.toLowerCase()
    return lower === TWIN_ROOT || lower.startsWith(`${TWIN_ROOT}/`)
  })
}

// Only ASCII can spell a route, a slash or a dot.
const FOLDABLE = /%[0-7][\da-f]|\/\/|\\/i
const decodeAscii = (path: string) =>
  path.replace(/%[0-7][\da-f]/gi, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)))

/**
 * Whether a request for a cached page of this kind with these cookies gets its signed-in twin, as
 * Next's rewrites decide it (lib/routes.ts TWIN_COOKIES): a cookie counts when it has a value,
 * and the first of a repeated name wins.
 */
export function getsSignedInTwin(cookieHeader: string | undefined, kind: PageKindName): boolean {
  const cookies = cookieValues(cookieHeader)
  const present = (name: string) => Boolean(cookies.get(name))
  const everyMember = 'twinForEveryMember' in PAGE_KINDS[kind]
  return TWIN_COOKIES.anyOf.some(present) && (everyMember || !TWIN_COOKIES.noneOf.some(present))
}

/** Whether a request with these cookies is a visitor's: it carries no session cookie at all. */
export function getsVisitorPage(cookieHeader: string | undefined): boolean {
  const cookies = cookieValues(cookieHeader)
  return !TWIN_COOKIES.anyOf.some((name) => Boolean(cookies.get(name)))
}

/** A cookie header without every cookie called `name`; the others as sent. */
export function cookieHeaderWithout(header: string, name: string): string {
  return header
    .split(';')
    .filter((pair) => cookieNameOf(pair) !== name)
    .join(';')
}

function cookieValues(header: string | undefined): Map<string, string> {
  const values = new Map<string, string>()
  for (const pair of header?.split(';') ?? []) {
    const name = cookieNameOf(pair)
    if (name !== null && !values.has(name))
      values.set(name, pair.slice(pair.indexOf('=') + 1).trim())
  }
  return values
}

const cookieNameOf = (pair: string) => {
  const at = pair.indexOf('=')
  return at < 0 ? null : pair.slice(0, at).trim()
}
