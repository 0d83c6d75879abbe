import type { NextConfig } from 'next'
import { FEATURED_LIST } from './db/featured-list'
import { SESSION_COOKIES } from './lib/session-cookie'

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
    // A request with a session gets the per-request variant of a cached page, at the same URL.
    const signedIn = SESSION_COOKIES.flatMap((key) =>
      [
        ['/', `/signed-in/curated/${FEATURED_LIST.slug}`],
        ['/curated/:slug', '/signed-in/curated/:slug'],
        ['/films/:slug', '/signed-in/films/:slug'],
        ['/people/:slug', '/signed-in/people/:slug'],
      ].map(([source, destination]) => ({
        source: source!,
        destination: destination!,
        has: [{ type: 'cookie' as const, key }],
      })),
    )
    return {
      beforeFiles: [...signedIn, { source: '/', destination: `/curated/${FEATURED_LIST.slug}` }],
      afterFiles: [],
      fallback: [],
    }
  },
  experimental: {
    // Pages rendered on demand stay in memory only, so a restarted server (or one pointed at
    // another database) never serves a page cached from a previous run.
    isrFlushToDisk: false,
  },
}

export default nextConfig
