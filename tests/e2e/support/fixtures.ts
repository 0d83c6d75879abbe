import { test as base, type Page } from '@playwright/test'
import { FilmPage } from './film-page'
import { savedMember, type Member } from './members'

type Fixtures = {
  /** The project's shared member: who it is, and its saved session to start another context from. */
  member: Member
  /** `page` as a film page: its rating, watchlist button and lists. */
  film: FilmPage
  /** Someone else, signed out, in a browser context of their own (with the project's options). */
  visitor: Page
}

const someAddress = () => {
  const octet = () => Math.floor(Math.random() * 250) + 1
  return `10.${octet()}.${octet()}.${octet()}`
}

/**
 * Signed out at the start. Each test signs in from an address of its own (the e2e server
 * trusts X-Forwarded-For), so the per-address sign-in throttle of one test never blocks another.
 */
export const test = base.extend<Fixtures>({
  context: async ({ context }, use) => {
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': someAddress() })
    await use(context)
  },
  member: async ({}, use, info) => {
    await use(savedMember(info.project.name))
  },
  film: async ({ page }, use, info) => {
    await use(new FilmPage(page, info.project.use.javaScriptEnabled !== false))
  },
  visitor: async ({ browser }, use) => {
    // New contexts take the test's options, a saved session (test.use(asMember)) among them.
    const context = await browser.newContext({
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { 'x-forwarded-for': someAddress() },
    })
    await use(await context.newPage())
    await context.close()
  },
})

/**
 * `test.use(asMember)`: signed in from the start as the project's shared member (saved by
 * members.setup.ts). The tests of a project share it, so each may touch only a film or a list of
 * its own, and none may change the account itself.
 */
export const asMember: Parameters<typeof test.use>[0] = {
  storageState: async ({}, use, info) => {
    await use(savedMember(info.project.name).state)
  },
}

export { expect } from '@playwright/test'
