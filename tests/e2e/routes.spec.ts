import { request as httpRequest } from 'node:http'
import type { Page } from '@playwright/test'
import { FEATURED_LIST } from '../../db/featured-list'
import { matchPage } from '../../lib/route-match'
import { PAGE_KINDS, type PageKindName } from '../../lib/routes'
import { expectSignedInAs, expectSignedOut, newUser, signUp } from './support/accounts'
import { expect, test } from './support/fixtures'

test.describe.configure({ timeout: 90_000 })

type CachedKind = { [N in PageKindName]: (typeof PAGE_KINDS)[N] extends { twin: string } ? N : never }[PageKindName] // prettier-ignore

type Pages = Record<CachedKind, { path: string; heading: string; signedIn?: RegExp }>

// A page of each kind that has a signed-in twin, and what shows only on the twin; the diary is
// the project's shared member's (public, as every diary starts).
const pagesWith = (diaryOwner: string): Pages => ({
  home: { path: '/', heading: FEATURED_LIST.title, signedIn: /^You have rated \d+ of \d+$/ },
  film: { path: '/films/the-cranes-are-flying', heading: 'The Cranes Are Flying', signedIn: /^You have not rated this film\.$/ }, // prettier-ignore
  person: { path: '/people/mikhail-kalatozov', heading: 'Mikhail Kalatozov' },
  curatedList: { path: `/curated/${FEATURED_LIST.slug}`, heading: FEATURED_LIST.title, signedIn: /^You have rated \d+ of \d+$/ }, // prettier-ignore
  decade: { path: '/decades/1950s', heading: 'Films of the 1950s' },
  memberDiary: { path: `/u/${diaryOwner}/diary`, heading: `${diaryOwner}’s diary` },
})

/** The twin's own address for a public URL, as the rewrite would reach it. */
function twinOf(pages: Pages, name: CachedKind) {
  const { path } = pages[name]
  const params: Record<string, string> = matchPage(path)?.check?.params ?? {}
  return PAGE_KINDS[name].twin.replace(/:(\w+)/g, (_, param: string) => params[param]!)
}

const twinsOf = (pages: Pages) => (Object.keys(pages) as CachedKind[]).map((name) => twinOf(pages, name)) // prettier-ignore

/** The ways of writing a twin's address that a browser would not send as such but a client may. */
const spellings = (twin: string) => [
  twin,
  `${twin}/`,
  `${twin}?view=1`,
  twin.replace('/signed-in', '/%73igned-in'),
  twin.replace('/signed-in', '/SIGNED-IN'),
  `/${twin}`,
  `/\\${twin.slice(1)}`,
  `/x/..${twin}`,
  `/x/%2e%2e${twin}`,
]

type Init = { method?: string; headers?: Record<string, string> }

/** A request with its path sent exactly as written (no client tidies it up first). */
function rawRequest(baseURL: string, path: string, { method, headers }: Init = {}) {
  const { hostname, port } = new URL(baseURL)
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function expectNotFoundPage(baseURL: string, path: string, init: Init = {}) {
  const { status, body } = await rawRequest(baseURL, path, init)
  expect(status, `${init.method ?? 'GET'} ${path}`).toBe(404)
  if (init.method !== 'HEAD') expect(body, path).toContain('<h1>Page not found</h1>')
}

async function expectPublicPages(page: Page, pages: Pages, signedIn: boolean) {
  for (const { path, heading, signedIn: personal } of Object.values(pages)) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    await expect(page).toHaveURL(new URL(path, page.url()).href)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    if (personal) await expect(page.getByText(personal)).toHaveCount(signedIn ? 1 : 0)
  }
}

test('the signed-in twins answer 404 with the not-found page at their own addresses @same-without-js', async ({
  baseURL,
  member,
}) => {
  for (const twin of twinsOf(pagesWith(member.username))) {
    for (const path of spellings(twin)) await expectNotFoundPage(baseURL!, path)
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD']) {
      await expectNotFoundPage(baseURL!, twin, { method })
    }
    // As a server action would be posted.
    await expectNotFoundPage(baseURL!, twin, { method: 'POST', headers: { 'next-action': '00ab' } })
  }
  for (const path of ['/signed-in', '/signed-in/', '/signed-in/films']) {
    await expectNotFoundPage(baseURL!, path)
  }
})

test('the public pages are cached for everyone and per request for a member, at the same URLs', async ({
  page,
  baseURL,
  member,
}) => {
  const pages = pagesWith(member.username)
  await expectPublicPages(page, pages, false)
  await expectSignedOut(page)
  await page.goto(twinOf(pages, 'film'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')

  const user = newUser()
  await signUp(page, user)
  await expect(page.getByRole('banner').getByRole('link', { name: user.username })).toBeVisible({
    timeout: 20_000,
  })
  await expectPublicPages(page, pages, true)
  await expectSignedInAs(page, user.username)

  // Following links (client-side navigations with JavaScript) also goes through the public URLs.
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  await page.goto('/')
  await page.getByRole('link', { name: 'The Cranes Are Flying', exact: true }).click()
  await expect(page).toHaveURL(/\/films\/the-cranes-are-flying$/)
  await expect(page.getByText(pages.film.signedIn!)).toBeVisible()
  await page.getByRole('link', { name: 'Mikhail Kalatozov' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mikhail Kalatozov')
  await expectSignedInAs(page, user.username)
  expect(requested.filter((path) => path.startsWith('/signed-in'))).toEqual([])

  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  for (const twin of twinsOf(pages)) {
    for (const path of spellings(twin)) await expectNotFoundPage(baseURL!, path, { headers: { cookie } }) // prettier-ignore
    await expectNotFoundPage(baseURL!, twin, { method: 'POST', headers: { cookie } })
  }
  const response = await page.goto(twinOf(pages, 'film'))
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
})
