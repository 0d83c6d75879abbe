import type { NextConfig } from 'next'
import { FEATURED_LIST } from './db/featured-list'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  generateEtags: false,
  // The build checks the app's own code; `npm run typecheck` checks everything, tests included.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  // drizzle-kit and the libSQL native bindings stay out of the server bundle.
  serverExternalPackages: ['@libsql/client', 'libsql'],
  async rewrites() {
    return {
      beforeFiles: [{ source: '/', destination: `/curated/${FEATURED_LIST.slug}` }],
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
