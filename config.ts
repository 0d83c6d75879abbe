import { z } from 'zod'

const DATABASE_URL_SCHEMES = ['file:', 'libsql:', 'http:', 'https:', 'ws:', 'wss:']

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .default('file:data/kinofront.db')
    .refine((url) => DATABASE_URL_SCHEMES.some((scheme) => url.startsWith(scheme)), {
      message: `must start with one of ${DATABASE_URL_SCHEMES.join(' ')}`,
    }),
  DATABASE_AUTH_TOKEN: z.string().trim().min(1).optional(),
  SITE_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
})

export type DatabaseConfig = {
  url: string
  authToken: string | undefined
  /** Path of the embedded database file, or null for a remote server. */
  filePath: string | null
}

export type Config = { database: DatabaseConfig; siteUrl: string; port: number; hostname: string }

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`)
  }
  const { DATABASE_URL: url, DATABASE_AUTH_TOKEN: authToken, SITE_URL, PORT, HOST } = parsed.data
  const filePath = url.startsWith('file:') ? url.slice('file:'.length) : null
  if (filePath !== null && filePath.length === 0) {
    throw new ConfigError('Invalid environment: DATABASE_URL file: URL has no path')
  }
  return {
    database: { url, authToken, filePath },
    siteUrl: (SITE_URL ?? `http://localhost:${PORT}`).replace(/\/$/, ''),
    port: PORT,
    hostname: HOST,
  }
}

let cached: Config | undefined

export function config(): Config {
  cached ??= parseConfig(process.env)
  return cached
}
