// While another process holds the database's write lock, a form says "Couldn't save — try again"
// and keeps what was typed — sign-in too, whose writes Auth.js makes outside the action's own
// code. The lock is real: this test opens the server's database file and holds a write transaction
// on it (SQLITE_BUSY after the server's 5 s busy timeout), on a server of its own.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { expect, test } from '@playwright/test'
import { newUser, signUp } from './support/accounts'
import { startOwnServer, type OwnServer } from './support/own-server'

const COULD_NOT_SAVE = 'Couldn’t save — try again.'

/** Holds the database's write lock until released, as another process writing at length would. */
async function holdDatabase(file: string) {
  const client: Client = createClient({ url: `file:${file}`, timeout: 10_000 })
  const transaction = await client.transaction('write')
  // A write, so that the lock is taken now rather than at commit.
  await transaction.execute("DELETE FROM page_changes WHERE path = 'never such a path'")
  return {
    release: async () => {
      await transaction.rollback()
      client.close()
    },
  }
}

// One server for both ways of sending the form (a context with and one without JavaScript), so
// the test runs in the chromium project only.
test.describe('a database another process holds @js-only', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 })
  let dir: string
  let databaseFile: string
  let server: OwnServer | undefined
  let url: string

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kinofront-refuses-'))
    databaseFile = join(dir, 'kinofront.db')
    server = await startOwnServer(databaseFile)
    url = server.url
  })

  test.afterEach(async ({}, info) => server?.reportIfFailed(info))

  test.afterAll(async () => {
    await server?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('a form says "Couldn’t save — try again" and keeps what was typed, with and without JavaScript', async ({
    browser,
  }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ baseURL: url, javaScriptEnabled })
      const page = await context.newPage()
      await signUp(page, newUser())
      await expect(page).not.toHaveURL(/\/signup/)
      const title = `Refused while locked ${javaScriptEnabled ? 'with' : 'without'} JavaScript`
      await page.goto('/lists/new')
      await page.getByLabel('Title').fill(title)
      await page.getByLabel('Description').fill('Kept when the database refuses')

      const held = await holdDatabase(databaseFile)
      try {
        await page.getByRole('button', { name: 'Create list' }).click()
        await expect(page.getByText(COULD_NOT_SAVE), `JavaScript ${javaScriptEnabled}`).toBeVisible({ timeout: 20_000 }) // prettier-ignore
        await expect(page.getByLabel('Title')).toHaveValue(title)
        await expect(page.getByLabel('Description')).toHaveValue('Kept when the database refuses')
      } finally {
        await held.release()
      }
      // Nothing was half-written: the list is not there, and the same form now saves.
      await page.goto('/lists')
      await expect(page.getByText('You have no lists yet.')).toBeVisible()
      await context.close()
    }
    expect(server!.output()).toMatch(/Kinofront: the database refused a write: SQLITE_BUSY/)
  })

  test('signing in, whose writes Auth.js makes, says "Couldn’t save — try again" and keeps the email, with and without JavaScript', async ({
    browser,
  }) => {
    const user = newUser()
    const signingUp = await browser.newContext({ baseURL: url })
    const page = await signingUp.newPage()
    await signUp(page, user)
    await expect(page).not.toHaveURL(/\/signup/)
    await signingUp.close()

    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ baseURL: url, javaScriptEnabled })
      const page = await context.newPage()
      await page.goto('/signin')
      await page.getByLabel('Email').fill(user.email)
      await page.getByLabel('Password').fill(user.password)
      const held = await holdDatabase(databaseFile)
      try {
        await page.getByRole('button', { name: 'Sign in', exact: true }).click()
        await expect(page.getByText(COULD_NOT_SAVE), `JavaScript ${javaScriptEnabled}`).toBeVisible({ timeout: 30_000 }) // prettier-ignore
        await expect(page.getByLabel('Email')).toHaveValue(user.email)
      } finally {
        await held.release()
      }
      // Once the database takes writes again, the same form signs in.
      await page.getByLabel('Password').fill(user.password)
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      await expect(page).toHaveURL(new RegExp(`^${url}/$`))
      await context.close()
    }
  })
})
