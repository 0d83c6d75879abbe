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
  TRUST_PROXY: z.stringbool().default(false),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().min(1).optional(),
  AUTH_OIDC_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().trim().min(1).default('OpenID Connect'),
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  REDIS_URL: z
    .url()
    .refine((url) => /^rediss?:/.test(url), { message: 'must start with redis: or rediss:' })
    .optional(),
})

export type DatabaseConfig = {
  url: string
  authToken: string | undefined
  /** Path of the embedded database file, or null for a remote server. */
  filePath: string | null
}

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string }

export type AuthConfig = {
  /** From AUTH_SECRET; null means "generate one beside the embedded database" (lib/auth-secret.ts). */
  secret: string | null
  oidc: OidcConfig | null
  github: { clientId: string; clientSecret: string } | null
}

export type Config = {
  database: DatabaseConfig
  auth: AuthConfig
  siteUrl: string
  port: number
  hostname: string
  /** Take the client's address from X-Forwarded-For (set only behind a reverse proxy). */
  trustProxy: boolean
  /** Next's page cache is shared through this Redis server; null: each process keeps its own. */
  redisUrl: string | null
}

export class ConfigError extends Error {}

export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`)
  }
  const { DATABASE_URL: url, DATABASE_AUTH_TOKEN: authToken, SITE_URL, PORT, HOST } = parsed.data
  const env = parsed.data
  const filePath = url.startsWith('file:') ? url.slice('file:'.length) : null
  if (filePath !== null && filePath.length === 0) {
    throw new ConfigError('Invalid environment: DATABASE_URL file: URL has no path')
  }
  if (filePath === null && !env.AUTH_SECRET) {
    throw new ConfigError('Invalid environment: AUTH_SECRET is required with a remote database')
  }
  return {
    database: { url, authToken, filePath },
    auth: {
      secret: env.AUTH_SECRET ?? null,
      oidc: withName(
        allOrNone('AUTH_OIDC', {
          issuer: env.AUTH_OIDC_ISSUER,
          clientId: env.AUTH_OIDC_ID,
          clientSecret: env.AUTH_OIDC_SECRET,
        }),
        env.AUTH_OIDC_NAME,
      ),
      github: allOrNone('AUTH_GITHUB', {
        clientId: env.AUTH_GITHUB_ID,
        clientSecret: env.AUTH_GITHUB_SECRET,
      }),
    },
    siteUrl: (SITE_URL ?? `http://localhost:${PORT}`).replace(/\/$/, ''),
    port: PORT,
    hostname: HOST,
    trustProxy: env.TRUST_PROXY,
    redisUrl: env.REDIS_URL ?? null,
  }
}

/** A provider is on when all its variables are set, off when none are, and an error in between. */
function allOrNone<K extends string>(
  prefix: string,
  values: Record<K, string | undefined>,
): Record<K, string> | null {
  const present = Object.values(values).filter((v) => v !== undefined).length
  if (present === 0) return null
  if (present < Object.keys(values).length) {
    throw new ConfigError(`Invalid environment: ${prefix}_* variables are only partly set`)
  }
  return values as Record<K, string>
}

const withName = <T extends object>(provider: T | null, name: string) =>
  provider && { ...provider, name }

let cached: Config | undefined

export function config(): Config {
  cached ??= parseConfig(process.env)
  return cached
}
