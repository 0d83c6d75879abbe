import {
  checked,
  FILM_PATH,
  measureRating,
  measureScenario,
  pageLoad,
  roundRobinLoad,
  type HttpResult,
  type LoadOptions,
} from './http'
import { acceptEncoding, probe, STATIC_PATH, type Encoding, type Probe } from './load'
import type { Member, RatingActionLoad } from './rating-action'
import type { installWriteCounter } from './rating-db'
import { memberRequestsLoad, perPageView, personalStatePath, probeMemberView } from './signed-in'

/** The scenarios served from the bundled catalogue's database. */
export async function runHttpScenarios(
  baseUrl: string,
  options: LoadOptions,
  {
    members,
    cataloguePaths,
    rating,
    counter,
    wanted = () => true,
  }: {
    members: Member[]
    cataloguePaths: string[]
    rating?: RatingActionLoad
    counter?: Awaited<ReturnType<typeof installWriteCounter>>
    /** Which scenarios to run (BENCH_ONLY): all by default. */
    wanted?: (id: string) => boolean
  },
): Promise<HttpResult[]> {
  const results: HttpResult[] = []
  const get = (path: string, encoding: Encoding, cookie?: string) =>
    probe(baseUrl + path, {
      headers: { 'accept-encoding': acceptEncoding(encoding), ...(cookie ? { cookie } : {}) },
    })
  const single = async (
    scenario: { id: string; label: string; path: string },
    encoding: Encoding,
    signedIn = false,
  ) => {
    if (!wanted(scenario.id)) return
    const load = pageLoad(scenario.path, encoding, signedIn ? members : undefined)
    const probePage = async () => [
      checked(
        await get(scenario.path, encoding, signedIn ? members[0]!.cookie : undefined),
        scenario.path,
        signedIn ? 'Your rating' : undefined,
      ),
    ]
    results.push(await measureScenario(baseUrl, scenario, load, options, probePage))
  }

  await single(
    { id: 'static', label: 'Static file, compressed per request', path: STATIC_PATH },
    'chromium',
  )
  await single(
    { id: 'film-hot', label: 'Film page, anonymous, one hot URL', path: FILM_PATH },
    'chromium',
  )
  await single(
    {
      id: 'film-next',
      label: 'Film page, anonymous, one URL past the front cache',
      path: `${FILM_PATH}?via=next`,
    },
    'chromium',
  )
  if (wanted('film-round-robin')) await roundRobinScenario()
  await single({ id: 'home', label: 'Home page, anonymous', path: '/' }, 'chromium')
  for (const encoding of ['chromium', 'identity'] as const) {
    await single(
      {
        id: 'film-signed-in',
        label: 'Film page, signed in without JavaScript (per request)',
        path: FILM_PATH,
      },
      encoding,
      true,
    )
  }
  const member = members[0]!
  if (wanted('film-member-view')) {
    // Counted per page view: each view is the shared page and then the member's own request.
    const view = await measureScenario(
      baseUrl,
      {
        id: 'film-member-view',
        label: 'Film page, signed in with JavaScript: shared page + personal request, per view',
        path: `${FILM_PATH} + ${personalStatePath(FILM_PATH)}`,
      },
      memberRequestsLoad([FILM_PATH, personalStatePath(FILM_PATH)], 'chromium', members),
      options,
      async () => [(await probeMemberView(baseUrl, FILM_PATH, member)).page],
    )
    const perView = perPageView(view, 2)
    console.log(
      `  per page view: ${Math.round(perView.requestsPerSec)} views/s, ${perView.ratioToStatic.toFixed(3)}× static`,
    )
    results.push(perView)
  }
  if (wanted('personal-state')) {
    results.push(
      await measureScenario(
        baseUrl,
        {
          id: 'personal-state',
          label: 'Personal request alone (a member’s state for the film page)',
          path: personalStatePath(FILM_PATH),
        },
        memberRequestsLoad([personalStatePath(FILM_PATH)], 'chromium', members),
        options,
        async () => [(await probeMemberView(baseUrl, FILM_PATH, member)).state],
      ),
    )
  }
  for (const encoding of ['chromium', 'identity'] as const) {
    await single(
      { id: 'small-page', label: 'Sign-in page (small, per request)', path: '/signin' },
      encoding,
    )
  }
  for (const encoding of ['chromium', 'identity'] as const) {
    await single(
      { id: 'search', label: 'Catalogue search (per request)', path: '/films?q=zhuravli' },
      encoding,
    )
  }
  // Last, as its writes invalidate the film's cached pages.
  if (rating && counter && wanted('rate')) {
    results.push(await measureRating(baseUrl, options, rating, counter))
  }
  return results

  async function roundRobinScenario() {
    const catalogue = roundRobinLoad(cataloguePaths, 'chromium')
    const roundRobin = await measureScenario(
      baseUrl,
      {
        id: 'film-round-robin',
        label: 'Film and person pages, anonymous, round robin',
        path: `every /films/… and /people/… page (${cataloguePaths.length}) in turn`,
      },
      catalogue.load,
      options,
      async () => {
        const pages: Probe[] = []
        for (const path of cataloguePaths) pages.push(checked(await get(path, 'chromium'), path))
        return pages
      },
    )
    results.push({ ...roundRobin, urls: cataloguePaths.length, sent: catalogue.sent() })
  }
}

/** A different film of a big catalogue on every request (the server runs on that database). */
export async function runBigCatalogue(
  baseUrl: string,
  filmPaths: string[],
  options: LoadOptions,
): Promise<HttpResult[]> {
  const films = roundRobinLoad(filmPaths, 'chromium')
  const result = await measureScenario(
    baseUrl,
    {
      id: 'film-big-catalogue',
      label: `Film page, anonymous, a different one of ${filmPaths.length.toLocaleString('en-US')} each request`,
      path: `/films/… (${filmPaths.length.toLocaleString('en-US')} films, in turn)`,
    },
    films.load,
    options,
    async () => {
      const pages: Probe[] = []
      for (const path of films.take(3)) {
        pages.push(
          checked(
            await probe(baseUrl + path, {
              headers: { 'accept-encoding': acceptEncoding('chromium') },
            }),
            path,
          ),
        )
      }
      return pages
    },
  )
  const sent = films.sent()
  if (sent > filmPaths.length) {
    console.warn(`WARNING: ${sent} requests for ${filmPaths.length} films: some were asked twice`)
  }
  // The catalogue search at that size: the search itself, its facets and its page, over HTTP.
  const searched = `/films?q=${encodeURIComponent('the road')}`
  const search = await measureScenario(
    baseUrl,
    {
      id: 'search-big-catalogue',
      label: `Catalogue search on ${filmPaths.length.toLocaleString('en-US')} films (per request)`,
      path: searched,
    },
    pageLoad(searched, 'chromium'),
    options,
    async () => [
      checked(
        await probe(baseUrl + searched, {
          headers: { 'accept-encoding': acceptEncoding('chromium') },
        }),
        searched,
      ),
    ],
  )
  return [{ ...result, urls: filmPaths.length, sent }, search]
}
