import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      'server-only': fileURLToPath(new URL('./tests/helpers/server-only.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
    hookTimeout: 60_000,
    // next-auth imports `next/server` without an extension, which Node alone cannot resolve, and
    // through Vite its `next/headers` is the one the server-action tests stand in.
    server: { deps: { inline: ['next-auth'] } },
  },
})
