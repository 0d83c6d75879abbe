// Two instances of the build behind haproxy (round robin, no stickiness) on one database file,
// with Redis sharing Next's cache and without it. Each describe starts its own cluster once.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Browser } from '@playwright/test'
import { startCluster, type Cluster } from '../../scripts/cluster/cluster'
import { finished, freePort, runScript } from '../helpers/processes'
import { expectSignedOut, signOut, signUpNewUser } from './support/accounts'
import { FilmPage } from './support/film-page'
import { createList } from './support/list-page'

const BASE_PORT = Number(process.env.E2E_PORT ?? 3210)
const MODES = [
  { title: 'sharing Next’s cache in Redis', redis: true, port: BASE_PORT + 10 },
  { title: 'without Redis, on the shared database file', redis: false, port: BASE_PORT + 20 },
]
// The change log is polled every 250 ms and the page is rendered again on its next request, which
// on a loaded machine takes seconds; without the change log it would stay as it was for an hour.
const SOON = { timeout: 10_000 }

for (const mode of MODES) {
  test.describe(`two instances behind haproxy, ${mode.title}`, () => {
    // Signing up hashes a password twice, which takes seconds on a busy machine.
    test.describe.configure({ mode: 'serial', timeout: 120_000 })
    let cluster: Cluster
    let dir: string
    // What the instances, haproxy and Redis printed, shown when a test fails.
    const logs: string[] = []

    test.afterEach(async ({}, info) => {
      if (info.status !== info.expectedStatus) console.log(logs.slice(-60).join('\n'))
    })

    test.beforeAll(async () => {
      test.setTimeout(300_000)
      execFileSync('sh', ['scripts/ensure-cluster-tools.sh'], { stdio: 'inherit' })
      dir = mkdtempSync(join(tmpdir(), 'kinofront-cluster-'))
      cluster = await startCluster({
        instances: 2,
        port: mode.port,
        redisPort: mode.redis ? await freePort() : null,
        databaseUrl: `file:${join(dir, 'cluster.db')}`,
        authSecret: randomBytes(32).toString('base64url'),
        workDir: dir,
        log: (line) => logs.push(line),
      }).catch((error: unknown) => {
        console.log(logs.slice(-60).join('\n'))
        throw error
      })
    })

    test.afterAll(async () => {
      await cluster?.stop()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    /** A browser context on one instance (or haproxy), with another context's cookies. */
    const on = (browser: Browser, baseURL: string, storageState?: string) =>
      browser.newContext({ baseURL, storageState: storageState && JSON.parse(storageState) })

    test('a rating made through one instance shows on the other, signed out and signed in', async ({
      browser,
    }) => {
      const [a, b] = cluster.instanceUrls as [string, string]
      const slug = 'the-cranes-are-flying'
      // Both instances have the film page cached, without ratings.
      const visitors = await Promise.all([on(browser, a), on(browser, b)])
      for (const context of visitors) {
        const visitor = new FilmPage(await context.newPage(), true)
        await visitor.goto(slug)
        await expect(visitor.summary.getByText('No ratings yet')).toBeVisible()
      }

      // Signed up through haproxy: the form and its answer may come from different instances.
      const member = await on(browser, cluster.url)
      await signUpNewUser(await member.newPage())
      const state = JSON.stringify(await member.storageState())
      const onA = new FilmPage(await (await on(browser, a, state)).newPage(), true)
      await onA.goto(slug)
      await onA.rate('4 stars')

      for (const context of visitors) {
        const visitor = new FilmPage(await context.newPage(), true)
        await expect(async () => {
          await visitor.goto(slug)
          await expect(visitor.summary).toContainText('from 1 rating', { timeout: 500 })
        }).toPass(SOON)
      }
      const onB = new FilmPage(await (await on(browser, b, state)).newPage(), true)
      await onB.goto(slug)
      await expect(onB.ratingStatus).toHaveText('Your rating: 4 stars')
      await expect(onB.summary).toContainText('Average rating 4.0 out of 5 from 1 rating')
    })

    test('a list made through one instance shows on the other', async ({ browser }) => {
      const [a, b] = cluster.instanceUrls as [string, string]
      const member = await on(browser, a)
      const page = await member.newPage()
      const user = await signUpNewUser(page)
      const list = await createList(page, 'Films for a long winter', { visibility: 'Public' })

      const visitor = await (await on(browser, b)).newPage()
      await visitor.goto(list.path)
      await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Films for a long winter')
      await visitor.goto(`/u/${user.username}`)
      await expect(visitor.getByRole('link', { name: 'Films for a long winter' })).toBeVisible()
    })

    test('signing out through one instance ends the session on the other', async ({ browser }) => {
      const [a, b] = cluster.instanceUrls as [string, string]
      const member = await on(browser, a)
      const page = await member.newPage()
      await signUpNewUser(page)
      await signOut(page)
      await page.goto(`${b}/films/come-and-see`)
      await expectSignedOut(page)
      await page.goto(`${b}/settings`)
      await expect(page).toHaveURL(/\/signin\?callbackUrl=/)
    })

    test('an edit imported by the importer reaches both instances', async ({ browser }) => {
      const pages = await Promise.all(
        cluster.instanceUrls.map(async (url) => (await on(browser, url)).newPage()),
      )
      for (const page of pages) {
        await page.goto('/films/come-and-see')
        await expect(page.getByRole('main')).toContainText('A harrowing anti-war film')
      }
      const listFile = join(dir, 'edited-list.txt')
      const bundled = readFileSync('db/seed/curated-list.txt', 'utf8')
      writeFileSync(listFile, bundled.replace('A harrowing anti-war film', 'An unflinching anti-war film')) // prettier-ignore
      const { code, output } = await finished(
        runScript('scripts/import-list.ts', [listFile], { DATABASE_URL: `file:${join(dir, 'cluster.db')}` }), // prettier-ignore
      )
      expect(code, output).toBe(0)
      for (const page of pages) {
        for (const path of ['/films/come-and-see', '/']) {
          await expect(async () => {
            await page.goto(path)
            await expect(page.getByRole('main')).toContainText('An unflinching anti-war film', {
              timeout: 500,
            })
          }).toPass(SOON)
        }
      }
    })
  })
}
