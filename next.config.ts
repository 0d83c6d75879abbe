import type { NextConfig } from 'next'
import { withSharedCache } from './lib/cache/next-config'
import { pageRewrites } from './lib/routes'

const nextConfig: NextConfig = {
  // A second build folder lets two checkouts' worth of work (or two test runs) build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  generateEtags: false,
  // The build checks the app's own code; `npm run typecheck` checks everything, tests included.
  // CI runs that first and says so (.ci/run), so its build need not check the same code again.
  typescript: {
    tsconfigPath: 'tsconfig.build.json',
    ignoreBuildErrors: process.env.KINOFRONT_TYPECHECKED === '1',
  },
  // drizzle-kit and the libSQL native bindings stay out of the server bundle.
  serverExternalPackages: ['@libsql/client', 'libsql'],
  async rewrites() {
    // Before the app's routes: the public URLs are routes too, which would otherwise win.
    return { beforeFiles: pageRewrites(), afterFiles: [], fallback: [] }
  },
  experimental: {
    // Forms may come from the site's public address even where a proxy in front changes Host.
    // (server.ts refuses other origins first: lib/server/request-guard.ts.)
    // A Letterboxd export of up to 10 MB is posted to a server action (lib/letterboxd), which
    // itself refuses anything larger with a message; Next's own 1 MB limit would answer first.
    // (A curator's list upload is at most 1 MB, lib/rules/curated.ts.)
    // server.ts keeps the 1 MB limit for every other page (lib/server/request-guard.ts).
    serverActions: {
      bodySizeLimit: '12mb',
      ...(process.env.SITE_URL ? { allowedOrigins: [new URL(process.env.SITE_URL).host] } : {}),
    },
    // Pages rendered on demand stay in memory only, so a restarted server (or one pointed at
    // another database) never serves a page cached from a previous run.
    isrFlushToDisk: false,
  },
}

const configForPhase = (phase: string) => withSharedCache(phase, nextConfig)

export default configForPhase
