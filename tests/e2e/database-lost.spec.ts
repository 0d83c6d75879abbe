// A server whose database folder is deleted while it runs keeps its file open, unlinked: writes
// would still answer success and be lost. It must notice, fail /readyz and refuse writes with a
// message people can read. This starts a server of its own on a temp folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { newUser } from './support/accounts'
import { startOwnServer, type OwnServer } from './support/own-server'

const COULD_NOT_SAVE = 'Couldn’t save — try again.'

// One server for both ways of sending the form (a context with and one without JavaScript), so
// the test runs in the chromium project only.
test.describe('a database folder deleted under a running server @js-only', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 })
  let dir: string
  let server: OwnServer | undefined
  let url: string

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kinofront-lost-'))
    server = await startOwnServer(join(dir, 'data', 'kinofront.db'))
    url = server.url
  })

  test.afterEach(async ({}, info) => server?.reportIfFailed(info))

  test.afterAll(async () => {
    await server?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('fails readiness, logs one line and refuses a sign-up with and without JavaScript', async ({
    browser,
  }) => {
    rmSync(join(dir, 'data'), { recursive: true, force: true })

    await expect(async () => {
      const ready = await fetch(`${url}/readyz`)
      expect(ready.status).toBe(503)
      expect(await ready.text()).toMatch(/^not ready: database file lost: .*kinofront\.db is gone/)
    }).toPass({ timeout: 10_000 })
    // The server's log reaches this process a moment after its answers may.
    const logged = () =>
      server!
        .output()
        .split('\n')
        .filter((line) => line.includes('database file lost'))
    await expect
      .poll(logged, { timeout: 10_000 })
      .toEqual([
        expect.stringMatching(/^Kinofront: database file lost: .* refusing writes and not ready/),
      ])

    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ baseURL: url, javaScriptEnabled })
      const page = await context.newPage()
      const user = await signUpRefused(page)
      await expect(page.getByText(COULD_NOT_SAVE), `JavaScript ${javaScriptEnabled}`).toBeVisible()
      // What was typed is still there, but for the password.
      await expect(page.getByLabel('Username')).toHaveValue(user.username)
      await expect(page.getByLabel('Email')).toHaveValue(user.email)
      await context.close()
    }
    // Said once, however many writes were refused since.
    expect(logged()).toHaveLength(1)
  })
})

async function signUpRefused(page: Page) {
  const user = newUser()
  await page.goto('/signup')
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Create account' }).click()
  return user
}
