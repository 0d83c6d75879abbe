import { resolve } from 'node:path'
import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_SERVER } from 'next/constants'
import { config } from '../../config'

/**
 * With REDIS_URL, the production server keeps Next's page cache in Redis (and none in memory)
 * so that every instance shares it. The build keeps Next's own cache: it needs no Redis.
 */
export function withSharedCache(phase: string, nextConfig: NextConfig): NextConfig {
  if (phase !== PHASE_PRODUCTION_SERVER || config().redisUrl === null) return nextConfig
  return {
    ...nextConfig,
    // Loaded by the server, which runs under tsx from the project's root (`npm start`).
    cacheHandler: resolve('lib/cache/redis-cache-handler.ts'),
    cacheMaxMemorySize: 0,
  }
}
