import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3210)
const baseURL = `http://127.0.0.1:${port}`

// Debian's Chromium where it is installed (CI), a browser named in CHROMIUM_PATH, or else
// Playwright's own download (a laptop after `npx playwright install chromium`).
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

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
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    {
      name: 'chromium-no-js',
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false },
      grepInvert: /@js-only/,
    },
  ],
  webServer: {
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
    },
  },
})
