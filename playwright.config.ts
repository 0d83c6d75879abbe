import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3210)
const baseURL = `http://127.0.0.1:${port}`

// A real OpenID Connect provider (tests/e2e/support/oidc-provider.mjs) that the app signs in with.
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3211)
const oidcEnv = {
  AUTH_OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
  AUTH_OIDC_ID: 'kinofront-e2e',
  AUTH_OIDC_SECRET: 'e2e-only-client-secret',
  AUTH_OIDC_NAME: 'Test Provider',
}

// Debian's Chromium where it is installed (CI), a browser named in CHROMIUM_PATH, or else
// Playwright's own download (a laptop after `npx playwright install chromium`).
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

const CLUSTER_SPEC = /cluster\.spec\.ts$/
// Features another curated list, which changes the home page for every test running meanwhile.
const SITE_WIDE_SPEC = /featured-list\.spec\.ts$/

// One fresh database per run, created, migrated and seeded by `npm start` itself.
process.env.E2E_DB_DIR ??= mkdtempSync(join(tmpdir(), 'kinofront-e2e-'))

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // Signs up each project's shared member once and saves its session (tests/e2e/support/members.ts).
    { name: 'setup', testMatch: /\.setup\.ts$/, use: { ...devices['Desktop Chrome'] } },
    // Starts its own instances of the same build behind haproxy (tests/e2e/cluster.spec.ts), once;
    // three servers on the machine answer more slowly. Playwright runs projects in phases (all of
    // one phase's tests before any of the next), so this waits for setup only to share a phase
    // with the two below: its serial groups and second build (redeploy.cluster.spec.ts) then
    // overlap their tests instead of leaving a worker idle; listed first, its groups start first.
    {
      name: 'cluster',
      use: { ...devices['Desktop Chrome'] },
      testMatch: CLUSTER_SPEC,
      expect: { timeout: 15_000 },
      dependencies: ['setup'],
    },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      // What comes out the same without JavaScript runs once, in chromium-no-js: pages a visitor
      // gets without a single script, requests made without a page, answers the server alone decides.
      grepInvert: /@same-without-js/,
      testIgnore: [CLUSTER_SPEC, SITE_WIDE_SPEC],
      dependencies: ['setup'],
    },
    {
      name: 'chromium-no-js',
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false },
      // What needs JavaScript to work runs in chromium only.
      grepInvert: /@js-only/,
      testIgnore: [CLUSTER_SPEC, SITE_WIDE_SPEC],
      dependencies: ['setup'],
    },
    // After the others (with and without JavaScript inside the file).
    {
      name: 'site-wide',
      use: { ...devices['Desktop Chrome'] },
      testMatch: SITE_WIDE_SPEC,
      dependencies: ['chromium', 'chromium-no-js'],
    },
  ],
  // The provider first: the app needs it only when someone signs in with it, but then it is there.
  webServer: [
    {
      command: 'node tests/e2e/support/oidc-provider.mjs',
      url: `${oidcEnv.AUTH_OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { ...oidcEnv, APP_URL: baseURL },
    },
    {
      command: 'npm run build && npm start',
      url: `${baseURL}/robots.txt`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        TRUST_PROXY: 'true',
        DATABASE_URL: `file:${join(process.env.E2E_DB_DIR, 'e2e.db')}`,
        SITE_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: '1',
        ...oidcEnv,
      },
    },
  ],
})
