// Relative imports only, here and in what this file imports: next.config.ts loads it without the
// app's `@/` paths.
import { MEMBER_VIEW } from './member-view'
import { SESSION_COOKIES } from './session-cookie'

/** The signed-in twins of the cached pages live under here, reachable only through rewrites. */
export const TWIN_ROOT = '/signed-in'

/**
 * The home page renders at /curated/<this>, a slug no list can have (lib/rules/curated.ts): the
 * page reads which list is featured, which a curator may change at any time (db/featured-choice.ts).
 */
export const FEATURED_SLOT = '_featured'

type PageKind = {
  /** The public URL, in the pattern syntax of Next's rewrites: `:name` is one path segment. */
  path: string
  /** The lookup in db/known-slugs.ts that says whether the page exists and who may see it. */
  exists?: string
} & (
  | {
      served: 'cached-for-everyone'
      /**
       * The same page rendered per request, with the person's own header, ratings and lists:
       * a request with a session cookie is rewritten there, keeping its URL.
       */
      twin: `${typeof TWIN_ROOT}/${string}`
      /** Where Next renders the page for everyone else, when that is not `path`. */
      rendersAt?: string
      /**
       * Every member gets the twin, with JavaScript or not: the page has no member's part for
       * their browser to fill in (lib/member-view.ts), so the twin is the only place for it.
       */
      twinForEveryMember?: true
      /**
       * A query parameter whose pages only the twin renders, for visitors too: a page cached for
       * everyone is the same whatever the query (e.g. the diary's `?page=2` onwards).
       */
      twinQuery?: string
    }
  | { served: 'per-request' }
)

/**
 * Every page whose existence server.ts checks or whose cache it keeps. A new kind of page is an
 * entry here, a lookup for its `exists` in db/known-slugs.ts, and its page files (the twin's too):
 * server.ts, the rewrites in next.config.ts and the lookups' types follow from this table.
 */
export const PAGE_KINDS = {
  home: {
    path: '/',
    served: 'cached-for-everyone',
    rendersAt: `/curated/${FEATURED_SLOT}`,
    twin: `/signed-in/curated/${FEATURED_SLOT}`,
  },
  film: {
    path: '/films/:slug',
    served: 'cached-for-everyone',
    twin: '/signed-in/films/:slug',
    exists: 'film',
  },
  person: {
    path: '/people/:slug',
    served: 'cached-for-everyone',
    twin: '/signed-in/people/:slug',
    exists: 'person',
  },
  curatedList: {
    path: '/curated/:slug',
    served: 'cached-for-everyone',
    twin: '/signed-in/curated/:slug',
    exists: 'curatedList',
  },
  decade: {
    path: '/decades/:decade',
    served: 'cached-for-everyone',
    twin: '/signed-in/decades/:decade',
    exists: 'decade',
  },
  member: { path: '/u/:username', served: 'per-request', exists: 'member' },
  // A private list is a 404 to everyone but its owner, so its lookup answers who may see it.
  memberList: { path: '/u/:username/lists/:slug', served: 'per-request', exists: 'memberList' },
  // Editing a list is for its owner only, public or private.
  memberListEditor: {
    path: '/u/:username/lists/:slug/edit',
    served: 'per-request',
    exists: 'memberListEditor',
  },
  // A private diary, like a private list, is a 404 to everyone but its owner. A public diary's
  // first page is cached for visitors; its owner sees "Edit entry" links, so members get the twin.
  memberDiary: {
    path: '/u/:username/diary',
    served: 'cached-for-everyone',
    twin: '/signed-in/u/:username/diary',
    exists: 'memberDiary',
    twinForEveryMember: true,
    twinQuery: 'page',
  },
  memberYear: { path: '/u/:username/year/:year', served: 'per-request', exists: 'memberDiary' },
  filmReviews: { path: '/films/:slug/reviews', served: 'per-request', exists: 'film' },
} as const satisfies Record<string, PageKind>

export type PageKindName = keyof typeof PAGE_KINDS
type Kind = (typeof PAGE_KINDS)[PageKindName]
export type SlugKind = Extract<Kind, { exists: string }>['exists']

type ParamNames<Path> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never

/** The decoded parameters of a path pattern, by name: `{ slug }` for `/films/:slug`. */
export type PathParams<Path extends string> = Path extends string
  ? { readonly [Name in ParamNames<Path>]: string }
  : never

/** What a lookup is given: the parameters of the paths that use it. */
export type SlugParams<K extends SlugKind> = PathParams<Extract<Kind, { exists: K }>['path']>

/** One lookup to make before a page is rendered, and what it is given. */
export type SlugCheck = { [K in SlugKind]: { kind: K; params: SlugParams<K> } }[SlugKind]

/**
 * When a cached page's request gets its signed-in twin: it carries any of `anyOf` and none of
 * `noneOf` (a member whose browser fetches its own part gets the shared page), or any of `anyOf`
 * on a kind `twinForEveryMember`. The rewrites below and `getsSignedInTwin` in route-match.ts
 * both read this.
 */
export const TWIN_COOKIES = {
  anyOf: SESSION_COOKIES,
  noneOf: [MEMBER_VIEW.cookie],
} as const

/**
 * next.config.ts's rewrites: to the signed-in twin as TWIN_COOKIES says (or with the kind's
 * `twinQuery`), else to `rendersAt`.
 */
export function pageRewrites() {
  const kinds: readonly PageKind[] = Object.values(PAGE_KINDS)
  const cached = kinds.flatMap((kind) => (kind.served === 'cached-for-everyone' ? [kind] : []))
  return [
    ...cached.flatMap((kind) => [
      ...TWIN_COOKIES.anyOf.map((key) => ({
        source: kind.path,
        destination: kind.twin,
        has: [{ type: 'cookie' as const, key }],
        ...(kind.twinForEveryMember
          ? {}
          : { missing: TWIN_COOKIES.noneOf.map((other) => ({ type: 'cookie' as const, key: other })) }), // prettier-ignore
      })),
      ...(kind.twinQuery
        ? [{ source: kind.path, destination: kind.twin, has: [{ type: 'query' as const, key: kind.twinQuery }] }] // prettier-ignore
        : []),
    ]),
    ...cached.flatMap((kind) =>
      kind.rendersAt ? [{ source: kind.path, destination: kind.rendersAt }] : [],
    ),
  ]
}
