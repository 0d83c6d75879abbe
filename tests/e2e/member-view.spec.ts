import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { MEMBER_VIEW } from '../../lib/member-view'
import { withoutClientRuntime } from '../../lib/server/visitor-page'
import { expectNoAxeViolations } from './support/axe'
import { newMemberSignedIn } from './support/direct-member'
import { asMember, expect, test } from './support/fixtures'

test.describe.configure({ timeout: 90_000 })

// Films no other spec rates, one per test and project, so parallel tests never share a film.
const FILMS = {
  panel: { chromium: 'hot-snow', 'chromium-no-js': 'hot-snow' },
  reload: { chromium: 'clear-skies', 'chromium-no-js': 'clear-skies' },
  noScripts: { chromium: 'days-and-nights', 'chromium-no-js': 'blockade' },
} as const
const SHARED_FILM = '/films/front'
const LIST_TITLE = 'Member view'

const filmFor = (purpose: keyof typeof FILMS, project: string) =>
  FILMS[purpose][project as keyof (typeof FILMS)[typeof purpose]]

/**
 * Records, before every frame the page paints, whether a way to sign in is shown, and adds up
 * the page's layout shifts: installed before the page's own scripts run.
 */
async function watchPaints(page: Page) {
  await page.addInitScript(() => {
    const seen = { signInShown: false, layoutShift: 0 }
    Object.assign(window, { __memberView: seen })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
        seen.layoutShift += entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
    const look = () => {
      for (const link of document.querySelectorAll('a')) {
        const text = link.textContent?.trim()
        if (
          (text === 'Sign in to rate' || text === 'Sign in') &&
          link.checkVisibility({ visibilityProperty: true })
        ) {
          seen.signInShown = true
        }
      }
      requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  })
}

const painted = (page: Page) =>
  page.evaluate(() => (window as unknown as { __memberView: { signInShown: boolean; layoutShift: number } }).__memberView) // prettier-ignore

test.describe('signed in as the member', () => {
  test.use(asMember)

  test('@js-only the shared film page shows the member’s own controls, with no flash and no shift', async ({
    page,
    film,
    member,
  }, info) => {
    const slug = filmFor('panel', info.project.name)
    const listTitle = LIST_TITLE
    // A rating, the watchlist and a list holding the film: the panel at its fullest.
    await page.goto('/lists/new')
    await page.getByLabel('Title').fill(listTitle)
    await page.getByRole('button', { name: 'Create list' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(listTitle)
    await film.goto(slug)
    await film.rate('4 stars')
    await film.addToWatchlist()
    await film.addToList(listTitle)

    await watchPaints(page)
    const pageRequests: string[] = []
    page.on('request', (request) => pageRequests.push(new URL(request.url()).pathname))
    const response = await page.goto(`/films/${slug}`)
    // The page everyone gets, from the cache: nothing of the member's in it.
    const html = await response!.text()
    expect(html).not.toContain(member.username)
    expect(html).not.toContain('Your rating')

    await expect(film.ratingStatus).toHaveText('Your rating: 4 stars')
    await expect(film.star('4 stars')).toBeChecked()
    await expect(film.removeFromWatchlistButton).toBeVisible()
    await expect(page.getByText(`On your list “${listTitle}”`)).toBeVisible()
    const header = page.getByRole('banner')
    await expect(header.getByRole('link', { name: member.username })).toBeVisible()
    await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible()
    expect(pageRequests).toContain(MEMBER_VIEW.statePath)
    expect(pageRequests.filter((path) => path.startsWith('/signed-in'))).toEqual([])

    // Everything settled: nothing moved, and no way to sign in was ever painted.
    await page.waitForTimeout(500)
    expect(await painted(page)).toEqual({ signInShown: false, layoutShift: 0 })
    await expectNoAxeViolations(page)

    // The home page (the featured curated list) fills in the member's progress the same way.
    await page.goto('/')
    await expect(page.getByText(/^You have rated \d+ of 9$/)).toBeVisible()
    expect(await painted(page)).toEqual({ signInShown: false, layoutShift: 0 })
    await expectNoAxeViolations(page)
  })

  test('@js-only a change shows at once on reload, and the shared summary follows within a second or so', async ({
    page,
    film,
  }, info) => {
    const slug = filmFor('reload', info.project.name)
    await film.goto(slug)
    await expect(film.ratingStatus).toHaveText(/^(Your rating: |You have not rated this film\.)/)
    await film.rate('1.5 stars')
    await page.reload()
    await expect(film.ratingStatus).toHaveText('Your rating: 1.5 stars')
    await expect(film.star('1.5 stars')).toBeChecked()
    await expect(async () => {
      await page.reload()
      await expect(film.summary).toContainText('Average rating 1.5 out of 5 from 1 rating', { timeout: 1_000 }) // prettier-ignore
    }).toPass({ timeout: 10_000 })

    await film.addToWatchlist()
    await page.reload()
    await expect(film.removeFromWatchlistButton).toBeVisible()
    await film.removeFromWatchlist()
    await page.reload()
    await expect(film.addToWatchlistButton).toBeVisible()
  })

  test('without JavaScript the member gets the page rendered for them, every control working', async ({
    browser,
    member,
  }, info) => {
    const slug = filmFor('noScripts', info.project.name)
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: member.state,
    })
    // A browser that has never run the site's scripts carries no member-view cookie.
    await context.clearCookies({ name: MEMBER_VIEW.cookie })
    const page = await context.newPage()
    const response = await page.goto(`/films/${slug}`)
    expect(await response!.text()).toContain(member.username)
    const main = page.getByRole('main')
    await expect(main.getByRole('link', { name: 'Sign in to rate' })).toHaveCount(0)
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible()
    await main.getByRole('group', { name: 'Your rating' }).getByRole('radio', { name: '2 stars', exact: true }).check() // prettier-ignore
    await main.getByRole('button', { name: 'Save rating' }).click()
    await expect(main.getByRole('status').filter({ hasText: /^Your rating/ })).toHaveText('Your rating: 2 stars') // prettier-ignore
    await page.reload()
    await expect(main.getByRole('group', { name: 'Your rating' }).getByRole('radio', { name: '2 stars', exact: true })).toBeChecked() // prettier-ignore
    expect((await context.cookies()).map((c) => c.name)).not.toContain(MEMBER_VIEW.cookie)
    await context.close()
  })
})

test('@js-only a form sent from the first page after signing in keeps its answer, though the browser has since marked itself', async ({
  page,
}) => {
  await newMemberSignedIn(page)
  // As on the first page after signing in: no mark yet, so the page is the one rendered for them.
  await page.context().clearCookies({ name: MEMBER_VIEW.cookie })
  await page.goto('/films/destiny')
  await expect
    .poll(async () => (await page.context().cookies()).map((cookie) => cookie.name))
    .toContain(MEMBER_VIEW.cookie)
  await page.locator('details.log-viewing').getByText('Log a viewing', { exact: true }).click()
  const form = page.getByRole('form', { name: 'Log a viewing' })
  await form.getByLabel('Date watched').fill('2026-10-03')
  await form.getByRole('button', { name: 'Save to diary' }).click()
  await expect(form.getByText('Logged “Destiny” in your diary.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Edit entry' })).toBeVisible()
})

test('a member’s data is never in the shared HTML, only in their own uncached request @same-without-js', async ({
  request,
  member,
  baseURL,
}) => {
  const session = JSON.parse(readFileSync(member.state, 'utf8')) as {
    cookies: { name: string; value: string }[]
  }
  const sessionCookie = session.cookies
    .filter((c) => c.name !== MEMBER_VIEW.cookie)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ')
  const withView = `${sessionCookie}; ${MEMBER_VIEW.cookie}=${MEMBER_VIEW.cookieValue}`
  const get = async (path: string, cookie?: string) => {
    const response = await request.get(path, { headers: cookie ? { cookie } : {} })
    expect(response.status(), path).toBe(200)
    return { text: await response.text(), headers: response.headers() }
  }

  for (const path of [SHARED_FILM, '/', '/people/mikhail-kalatozov']) {
    await expect(async () => {
      const [visitor, memberWithScripts] = [await get(path), await get(path, withView)]
      expect(memberWithScripts.text).not.toContain(member.username)
      // The same page; the visitor's without Next's scripts, which only the member's browser runs.
      expect(memberWithScripts.text).toContain('self.__next_f')
      expect(visitor.text).toBe(withoutClientRuntime(memberWithScripts.text))
    }).toPass({ timeout: 10_000 })
    // Without the browser's mark (no JavaScript), the page rendered for the member.
    const perRequest = await get(path, sessionCookie)
    expect(perRequest.text).toContain(member.username)
  }

  const personal = await request.get(`${MEMBER_VIEW.statePath}?page=${encodeURIComponent(SHARED_FILM)}`, { headers: { cookie: withView } }) // prettier-ignore
  expect(personal.headers()['cache-control']).toBe('private, no-store')
  const { member: state } = await personal.json()
  expect(state.username).toBe(member.username)
  expect(state.film).toMatchObject({ rating: null, onWatchlist: false })
  const anonymous = await request.get(`${baseURL}${MEMBER_VIEW.statePath}?page=${encodeURIComponent(SHARED_FILM)}`) // prettier-ignore
  expect(await anonymous.json()).toEqual({ member: null })
})
