import type { NextConfig } from 'next'
import { pageRewrites } from './lib/routes'

const nextConfig: NextConfig = {
  // A second build folder lets two checkouts' worth of work (or two test runs) build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  generateEtags: false,
  // The build checks the app's own code; `npm run typecheck` checks everything, tests included.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  // drizzle-kit and the libSQL native bindings stay out of the server bundle.
  serverExternalPackages: ['@libsql/client', 'libsql'],
  async rewrites() {
    // Before the app's routes: the public URLs are routes too, which would otherwise win.
    return { beforeFiles: pageRewrites(), afterFiles: [], fallback: [] }
  },
  experimental: {
    // Pages rendered on demand stay in memory only, so a restarted server (or one pointed at
    // another database) never serves a page cached from a previous run.
    isrFlushToDisk: false,
    // A curator's list upload may be 1 MB (lib/rules/curated.ts), plus the form's own fields.
    serverActions: { bodySizeLimit: '2mb' },
  },
}

export default nextConfig
