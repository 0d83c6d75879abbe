// A redeploy of the same code: forms opened on the running build still submit once the server
// runs a new build made with the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (README, "Deploying").
// Named *.cluster.spec.ts so that it runs once, in the `cluster` project, after the app's build.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser } from '@playwright/test'
import { signUpNewUser } from './support/accounts'
import { FilmPage } from './support/film-page'
import {
  actionIdsOf,
  buildDeploy,
  encryptionKeyOf,
  idDerivesFromKey,
  startApp,
  type AppServer,
} from './support/redeploy'

// The build Playwright's web server made for the other projects is the running deploy.
const FIRST_BUILD = process.env.NEXT_DIST_DIR || '.next'
const SECOND_BUILD = '.next-redeploy-test'
const url = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 30}`

test.describe('a redeploy of the same code', () => {
  test.describe.configure({ mode: 'serial' })
  let dir: string
  let server: AppServer | undefined
  let env: Record<string, string>

  test.beforeAll(async () => {
    // One more production build: minutes on a busy machine.
    test.setTimeout(600_000)
    dir = mkdtempSync(join(tmpdir(), 'kinofront-redeploy-'))
    env = {
      DATABASE_URL: `file:${join(dir, 'redeploy.db')}`,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      TRUST_PROXY: 'true',
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: encryptionKeyOf(FIRST_BUILD),
    }
    await buildDeploy(SECOND_BUILD, {
      key: env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY!,
      deploymentId: `redeploy-test-${Date.now()}`,
    })
  })

  test.afterAll(async () => {
    await server?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
    rmSync(SECOND_BUILD, { recursive: true, force: true })
  })

  test('the new build names every server action as the old one did, from the shared key', () => {
    const key = encryptionKeyOf(FIRST_BUILD)
    expect(encryptionKeyOf(SECOND_BUILD)).toBe(key)
    const before = actionIdsOf(FIRST_BUILD)
    const after = actionIdsOf(SECOND_BUILD)
    expect(before.size).toBeGreaterThan(10)
    expect([...after]).toEqual([...before])
    // The ids come from the key: built with another one, a form from the old build finds nothing.
    for (const [fileAndExport, id] of before) {
      expect(idDerivesFromKey(id, key, fileAndExport), fileAndExport).toBe(true)
    }
  })

  test('a rating form opened before the redeploy saves after it, with and without JavaScript', async ({
    browser,
  }) => {
    test.setTimeout(180_000)
    server = await startApp(url, FIRST_BUILD, env)
    const withScripts = await memberOn(browser, true)
    const withoutScripts = await memberOn(browser, false)
    const scripted = new FilmPage(await withScripts.newPage(), true)
    const plain = new FilmPage(await withoutScripts.newPage(), false)
    await scripted.goto('the-cranes-are-flying')
    await plain.goto('come-and-see')
    await plain.star('3.5 stars').check()

    await server.stop()
    server = await startApp(url, SECOND_BUILD, env)

    await scripted.rate('4 stars')
    await plain.saveRatingButton.click()
    await expect(plain.ratingStatus).toHaveText('Your rating: 3.5 stars')
    // Saved by the new server, not only shown by the old page.
    for (const [film, slug, rating] of [
      [scripted, 'the-cranes-are-flying', '4 stars'],
      [plain, 'come-and-see', '3.5 stars'],
    ] as const) {
      await film.goto(slug)
      await expect(film.ratingStatus).toHaveText(`Your rating: ${rating}`)
    }
  })

  async function memberOn(browser: Browser, javaScriptEnabled: boolean) {
    const context = await browser.newContext({ baseURL: url, javaScriptEnabled })
    await signUpNewUser(await context.newPage())
    return context
  }
})
