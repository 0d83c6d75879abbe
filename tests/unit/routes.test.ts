import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FEATURED_LIST } from '@/db/featured-list'
import { getsSignedInTwin, matchPage, reachesTwin, routedPath } from '@/lib/route-match'
import { FEATURED_SLOT, PAGE_KINDS, pageRewrites, TWIN_ROOT } from '@/lib/routes'
import { listSlugSchema } from '@/lib/rules/curated'
import { asVisitorWhenShared, formStaysOnTwin, showsTwin } from '@/lib/server/shared-view'
import { getsPageWithoutScripts } from '@/lib/server/visitor-page'

const FEATURED = FEATURED_LIST.slug
const kinds = Object.values(PAGE_KINDS)
const cachedKinds = kinds.filter((kind) => kind.served === 'cached-for-everyone')
const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((found) => found[1])
const filledIn = (path: string) => path.replace(/:(\w+)/g, 'the-cranes-are-flying')

describe('matchPage', () => {
  it.each([
    ['/', 'home', null],
    ['/films/the-cranes-are-flying', 'film', { kind: 'film', params: { slug: 'the-cranes-are-flying' } }],
    ['/films/the-cranes-are-flying/', 'film', { kind: 'film', params: { slug: 'the-cranes-are-flying' } }],
    ['/people/mikhail-kalatozov', 'person', { kind: 'person', params: { slug: 'mikhail-kalatozov' } }],
    [`/curated/${FEATURED}`, 'curatedList', { kind: 'curatedList', params: { slug: FEATURED } }],
    ['/u/ann', 'member', { kind: 'member', params: { username: 'ann' } }],
    ['/u/ann/lists/war-films', 'memberList', { kind: 'memberList', params: { username: 'ann', slug: 'war-films' } }],
    ['/u/ann/lists/war-films/edit', 'memberListEditor', { kind: 'memberListEditor', params: { username: 'ann', slug: 'war-films' } }],
    ['/u/ann/diary', 'memberDiary', { kind: 'memberDiary', params: { username: 'ann' } }],
  ])('%s is a %s page', (path, name, check) => {
    expect(matchPage(path)).toEqual({ name, served: PAGE_KINDS[name as 'home'].served, check })
  }) // prettier-ignore

  it('decodes the parameters, and keeps a malformed escape as written', () => {
    expect(matchPage('/films/%D0%9B%D0%B5%D1%82%D1%8F%D1%82')?.check?.params).toEqual({ slug: 'Летят' }) // prettier-ignore
    expect(matchPage('/u/a%5Fb/lists/x%2Fy')?.check?.params).toEqual({
      username: 'a_b',
      slug: 'x/y',
    })
    expect(matchPage('/films/%E0%A4%A')?.check?.params).toEqual({ slug: '%E0%A4%A' })
  })

  it.each([
    '/films',
    '/films/a/b',
    '/films//',
    '//films/a',
    '/FILMS/a',
    '/filmsx/a',
    '/u/ann/lists',
    '/u/ann/watchlist',
    '/lists/new',
    '/signin',
    '/robots.txt',
    '/_next/static/chunks/main.js',
    '/signed-in/films/the-cranes-are-flying',
  ])('%s is none of the kinds', (path) => {
    expect(matchPage(path)).toBeNull()
  })

  it('says which pages are served from the shared cache', () => {
    const served = (path: string) => matchPage(path)?.served
    expect(['/', '/films/a', '/people/a', '/curated/a', '/u/ann/diary'].map(served)).toEqual(Array(5).fill('cached-for-everyone')) // prettier-ignore
    expect(['/u/ann', '/u/ann/lists/a', '/u/ann/year/2026', '/films/a/reviews'].map(served)).toEqual(Array(4).fill('per-request')) // prettier-ignore
  })
})

describe('routedPath', () => {
  it.each([
    ['/films/a?q=1', '/films/a'],
    ['/x/../films/a', '/films/a'],
    ['/x/%2e%2e/films/a', '/films/a'],
    ['/films\\a', '/films/a'],
    ['//films/a', '//films/a'],
    ['/%66ilms/a', '/%66ilms/a'],
    ['http://elsewhere.test/films/a', '/films/a'],
  ])('%s is routed as %s', (target, path) => {
    expect(routedPath(target)).toBe(path)
  })

  it('is null for a target that is not a URL', () => {
    expect(routedPath('*')).toBeNull()
  })
})

describe('reachesTwin', () => {
  const twinPaths = cachedKinds.map((kind) => filledIn(kind.twin))
  const spellings = (path: string) => [
    path,
    `${path}/`,
    `${path}?q=1`,
    `${path}.rsc`,
    path.replace('/signed-in', '/%73igned-in'),
    path.replace('/signed-in', '/%2573igned-in'),
    path.replace('/signed-in', '/SIGNED-IN'),
    path.replaceAll('/', '%2F').replace('%2F', '/'),
    `/${path}`,
    `\\${path}`,
    `/x/..${path}`,
    `/x/%2e%2e${path}`,
    `/x/..%2F${path.slice(1)}`,
    `/.${path}`,
    `http://elsewhere.test${path}`,
  ]

  it.each(twinPaths)('catches %s however it is spelt', (path) => {
    for (const spelling of spellings(path)) {
      expect(reachesTwin(routedPath(spelling)!), spelling).toBe(true)
    }
  })

  it.each(['/signed-in', '/signed-in/', '/signed-in/films', '/signed-in/anything/at/all'])(
    'catches %s, which is under the twins too',
    (path) => expect(reachesTwin(routedPath(path)!)).toBe(true),
  )

  it.each([
    ...kinds.map((kind) => filledIn(kind.path)),
    '/signed-inx',
    '/signin',
    '/films/signed-in',
    '/films/%2Fsigned-in',
    '/signed-in/../films/a',
    '/lists/new',
  ])('lets %s through', (path) => {
    expect(reachesTwin(routedPath(path)!)).toBe(false)
  })
})

describe('the route table', () => {
  it('puts each twin under the twin root, with the parameters of its page', () => {
    for (const kind of cachedKinds) {
      expect(kind.twin.startsWith(`${TWIN_ROOT}/`)).toBe(true)
      expect(paramNames(kind.twin)).toEqual(paramNames(kind.path))
    }
  })

  it('shows the featured curated list at `/`, with the curated twin for someone signed in', () => {
    const { home, curatedList } = PAGE_KINDS
    expect(matchPage(home.rendersAt)?.check).toEqual({ kind: 'curatedList', params: { slug: FEATURED_SLOT } }) // prettier-ignore
    expect(home.twin).toBe(curatedList.twin.replace(':slug', FEATURED_SLOT))
    // The curated page reads the featured list there; no list can have that slug instead.
    expect(listSlugSchema.safeParse(FEATURED_SLOT).success).toBe(false)
  })

  it('has the page files of every kind and twin', () => {
    const pageFile = (group: string, path: string) =>
      `app/(${group})${path.replace(/:(\w+)/g, '[$1]')}/page.tsx`
    for (const kind of kinds) {
      if (!('rendersAt' in kind)) expect(pageFile(kind.served, kind.path)).toSatisfy(existsSync)
      if ('twin' in kind && !('rendersAt' in kind)) {
        expect(pageFile('per-request', kind.twin)).toSatisfy(existsSync)
      }
    }
  })

  it('gives next.config.ts a rewrite to the twin for each session cookie without the member-view cookie, then `/` to the featured list', () => {
    const sessionCookies = ['__Secure-authjs.session-token', 'authjs.session-token']
    const signedIn = (source: string, destination: string) =>
      sessionCookies.map((key) => ({
        source,
        destination,
        has: [{ type: 'cookie', key }],
        missing: [{ type: 'cookie', key: 'kf-member-js' }],
      }))
    // A diary's owner sees "Edit entry": every member gets its twin, and so does every `?page=`.
    const diary = ['/u/:username/diary', '/signed-in/u/:username/diary'] as const
    expect(pageRewrites()).toEqual([
      ...signedIn('/', `/signed-in/curated/${FEATURED_SLOT}`),
      ...signedIn('/films/:slug', '/signed-in/films/:slug'),
      ...signedIn('/people/:slug', '/signed-in/people/:slug'),
      ...signedIn('/curated/:slug', '/signed-in/curated/:slug'),
      ...signedIn('/decades/:decade', '/signed-in/decades/:decade'),
      ...sessionCookies.map((key) => ({ source: diary[0], destination: diary[1], has: [{ type: 'cookie', key }] })), // prettier-ignore
      { source: diary[0], destination: diary[1], has: [{ type: 'query', key: 'page' }] },
      { source: '/', destination: `/curated/${FEATURED_SLOT}` },
    ])
  })
})

describe('who gets the signed-in twin of a cached page', () => {
  const session = 'authjs.session-token=eyJ.abc'
  const secureSession = '__Secure-authjs.session-token=eyJ.abc'

  it.each([
    [session, true],
    [secureSession, true],
    [`theme=dark; ${session}`, true],
    [`${session}; kf-member-js=1`, false],
    [`kf-member-js=1; ${secureSession}`, false],
    // As Next's rewrites read cookies: an empty value is no cookie, the first of a name wins.
    [`${session}; kf-member-js=`, true],
    ['authjs.session-token=; kf-member-js=1', false],
    ['authjs.session-token=', false],
    [`authjs.session-token=; ${session}`, false],
    ['kf-member-js=1', false],
    ['theme=dark', false],
    ['', false],
    [undefined, false],
  ])('%s: twin %s', (cookie, twin) => {
    expect(getsSignedInTwin(cookie, 'film')).toBe(twin)
  })

  it.each([
    [session, true],
    [`${session}; kf-member-js=1`, true],
    [`kf-member-js=1; ${secureSession}`, true],
    ['authjs.session-token=; kf-member-js=1', false],
    ['kf-member-js=1', false],
    [undefined, false],
  ])('on a diary, which has no member’s part to fill in, %s: twin %s', (cookie, twin) => {
    expect(getsSignedInTwin(cookie, 'memberDiary')).toBe(twin)
  })

  const requestFor = (method: string, cookie: string) =>
    ({ method, headers: { cookie } }) as Parameters<typeof asVisitorWhenShared>[0]

  it('sends a request for the shared page on without cookies, so nothing personal can reach it', () => {
    const film = matchPage('/films/the-cranes-are-flying')!
    for (const cookie of [`${session}; kf-member-js=1`, 'theme=dark']) {
      const req = requestFor('GET', cookie)
      asVisitorWhenShared(req, film)
      expect(req.headers.cookie).toBeUndefined()
    }
  })

  it('keeps the cookies of a twin, a form sent to the page, and a page rendered per request', () => {
    const film = matchPage('/films/the-cranes-are-flying')!
    const member = matchPage('/u/ann')!
    const cases = [
      [requestFor('GET', session), film],
      [requestFor('POST', `${session}; kf-member-js=1`), film],
      [requestFor('GET', `${session}; kf-member-js=1`), member],
      // A diary's owner with JavaScript gets the twin, which must know who they are.
      [requestFor('GET', `${session}; kf-member-js=1`), matchPage('/u/ann/diary')!],
    ] as const
    for (const [req, page] of cases) {
      const before = req.headers.cookie
      asVisitorWhenShared(req, page)
      expect(req.headers.cookie).toBe(before)
    }
  })

  // Next's router state as a browser showing /films/destiny sends it with a form (Next 16).
  const routerState = (group: string, ...segments: unknown[]) =>
    encodeURIComponent(JSON.stringify(['', { children: [group, { children: segments.reduceRight((inner: unknown, segment) => [segment, { children: inner }], ['__PAGE__', {}, null, null, 0]) }] }])) // prettier-ignore
  const onTwin = routerState('(per-request)', 'signed-in', 'films', ['slug', 'destiny', 'd', null])
  const onShared = routerState('(cached-for-everyone)', 'films', ['slug', 'destiny', 'd', null])

  it('reads from the router state whether the browser shows a signed-in twin', () => {
    expect(showsTwin(onTwin)).toBe(true)
    expect(showsTwin(onShared)).toBe(false)
    expect(showsTwin(routerState('(per-request)', 'settings'))).toBe(false)
    for (const broken of [undefined, '', '%E0%A4%A', 'not json', '{}', ['a', 'b']]) {
      expect(showsTwin(broken)).toBe(false)
    }
  })

  it('sends a form from a twin to the twin, though the browser has marked itself since', () => {
    const film = matchPage('/films/destiny')!
    const form = (cookie: string, tree: string, action = 'abc123') =>
      ({ method: 'POST', headers: { cookie, 'next-action': action, 'next-router-state-tree': tree } }) as unknown as Parameters<typeof formStaysOnTwin>[0] // prettier-ignore
    const fromTwin = form(`${session}; kf-member-js=1; theme=dark`, onTwin)
    formStaysOnTwin(fromTwin, film)
    expect(fromTwin.headers.cookie).toBe(`${session}; theme=dark`)
    expect(getsSignedInTwin(fromTwin.headers.cookie, 'film')).toBe(true)

    // From the shared page, or not a form, or to a page rendered per request: as sent.
    const cases = [
      [form(`${session}; kf-member-js=1`, onShared), film],
      [{ ...form(`${session}; kf-member-js=1`, onTwin), method: 'GET' }, film],
      [form(`${session}; kf-member-js=1`, onTwin, ''), film],
      [form(`${session}; kf-member-js=1`, onTwin), matchPage('/u/ann')!],
    ] as const
    for (const [req, page] of cases) {
      const before = req.headers.cookie
      formStaysOnTwin(req as Parameters<typeof formStaysOnTwin>[0], page)
      expect(req.headers.cookie).toBe(before)
    }
  })

  it('gives the shared page without scripts to a visitor only: a request with no session cookie', () => {
    const film = matchPage('/films/the-cranes-are-flying')!
    const home = matchPage('/')!
    const cases = [
      ['GET', undefined, film, true],
      ['HEAD', 'theme=dark', home, true],
      // A stale mark without a session: nobody to fetch a member's part for.
      ['GET', 'kf-member-js=1', film, true],
      ['GET', 'authjs.session-token=', film, true],
      // A member whose browser fetches its own part hydrates the page; a twin is per request.
      ['GET', `${session}; kf-member-js=1`, film, false],
      ['GET', `kf-member-js=1; ${secureSession}`, home, false],
      ['GET', session, film, false],
      // A form sent to the page, a page rendered per request, a path that is no page.
      ['POST', undefined, film, false],
      ['GET', undefined, matchPage('/u/ann'), false],
      ['GET', undefined, null, false],
    ] as const
    for (const [method, cookie, page, without] of cases) {
      const req = { method, headers: { cookie } } as unknown as Parameters<typeof getsPageWithoutScripts>[0] // prettier-ignore
      const path = page === null ? '/signin' : '/any'
      expect(getsPageWithoutScripts(req, page, path), `${method} ${cookie} ${page?.name}`).toBe(without) // prettier-ignore
    }
    // The catalogue, rendered per request, is the same for every visitor too.
    const visitor = { method: 'GET', headers: {} } as Parameters<typeof getsPageWithoutScripts>[0]
    const member = { method: 'GET', headers: { cookie: session } } as Parameters<typeof getsPageWithoutScripts>[0] // prettier-ignore
    expect(getsPageWithoutScripts(visitor, null, '/films')).toBe(true)
    expect(getsPageWithoutScripts(member, null, '/films')).toBe(false)
    expect(getsPageWithoutScripts(visitor, null, '/films/')).toBe(false)
  })
})
