import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '@/config'

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error(`expected parseConfig(${JSON.stringify(env)}) to throw`)
}

const SECRET = 'a'.repeat(32)

describe('parseConfig', () => {
  it('defaults to the embedded database file and the local site', () => {
    expect(parseConfig({})).toEqual({
      database: {
        url: 'file:data/kinofront.db',
        authToken: undefined,
        filePath: 'data/kinofront.db',
      },
      auth: { secret: null, oidc: null, github: null },
      siteUrl: 'http://localhost:3000',
      port: 3000,
      hostname: '0.0.0.0',
      trustProxy: false,
      redisUrl: null,
    })
  })

  it('takes the path of a file: URL', () => {
    expect(parseConfig({ DATABASE_URL: '  file:/tmp/kino/test.db ' }).database).toEqual({
      url: 'file:/tmp/kino/test.db',
      authToken: undefined,
      filePath: '/tmp/kino/test.db',
    })
  })

  it('accepts a Turso URL with an auth token, and has no file path', () => {
    expect(
      parseConfig({
        DATABASE_URL: 'libsql://x.turso.io',
        DATABASE_AUTH_TOKEN: 'secret-token',
        AUTH_SECRET: SECRET,
      }).database,
    ).toEqual({ url: 'libsql://x.turso.io', authToken: 'secret-token', filePath: null })
  })

  it.each([
    'http://127.0.0.1:8080',
    'https://db.example.com',
    'ws://localhost:8080',
    'wss://x.turso.io',
  ])('accepts the server URL %s', (url) => {
    expect(parseConfig({ DATABASE_URL: url, AUTH_SECRET: SECRET }).database).toEqual({
      url,
      authToken: undefined,
      filePath: null,
    })
  })

  it('rejects an unsupported scheme, naming DATABASE_URL', () => {
    const error = configError({ DATABASE_URL: 'postgres://user:pw@localhost/kino' })
    expect(error.message).toBe(
      'Invalid environment: DATABASE_URL must start with one of file: libsql: http: https: ws: wss:',
    )
  })

  it('rejects a file: URL without a path', () => {
    expect(configError({ DATABASE_URL: 'file:' }).message).toBe(
      'Invalid environment: DATABASE_URL file: URL has no path',
    )
    expect(configError({ DATABASE_URL: ' file:  ' }).message).toContain('DATABASE_URL')
  })

  it('rejects an empty DATABASE_URL rather than falling back to the default', () => {
    expect(configError({ DATABASE_URL: '' }).message).toMatch(/^Invalid environment: DATABASE_URL /)
  })

  it('drops a trailing slash from SITE_URL and rejects one that is not a URL', () => {
    expect(parseConfig({ SITE_URL: 'https://kino.example/' }).siteUrl).toBe('https://kino.example')
    expect(configError({ SITE_URL: 'not a url' }).message).toMatch(
      /^Invalid environment: SITE_URL /,
    )
  })
})

describe('auth settings', () => {
  it('requires AUTH_SECRET with a remote database, where no file can hold a generated one', () => {
    expect(configError({ DATABASE_URL: 'libsql://x.turso.io' }).message).toContain('AUTH_SECRET')
    expect(configError({ AUTH_SECRET: 'too short' }).message).toContain('AUTH_SECRET')
  })

  it('turns a provider on only when all of its variables are set', () => {
    const oidc = {
      AUTH_OIDC_ISSUER: 'https://id.example.com',
      AUTH_OIDC_ID: 'kinofront',
      AUTH_OIDC_SECRET: 'shh',
    }
    expect(parseConfig(oidc).auth.oidc).toEqual({
      issuer: 'https://id.example.com',
      clientId: 'kinofront',
      clientSecret: 'shh',
      name: 'OpenID Connect',
    })
    expect(parseConfig({ ...oidc, AUTH_OIDC_NAME: 'Example ID' }).auth.oidc?.name).toBe(
      'Example ID',
    )
    expect(configError({ AUTH_OIDC_ID: 'kinofront' }).message).toContain('AUTH_OIDC_')
    expect(parseConfig({ AUTH_GITHUB_ID: 'id', AUTH_GITHUB_SECRET: 's' }).auth.github).toEqual({
      clientId: 'id',
      clientSecret: 's',
    })
    expect(configError({ AUTH_GITHUB_SECRET: 's' }).message).toContain('AUTH_GITHUB_')
  })

  it('trusts X-Forwarded-For only when TRUST_PROXY says so', () => {
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(parseConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(configError({ TRUST_PROXY: 'perhaps' }).message).toContain('TRUST_PROXY')
  })

  it('shares the page cache through Redis only when REDIS_URL names a Redis server', () => {
    expect(parseConfig({ REDIS_URL: 'redis://127.0.0.1:6390' }).redisUrl).toBe(
      'redis://127.0.0.1:6390',
    )
    expect(parseConfig({ REDIS_URL: 'rediss://cache.example:6380/2' }).redisUrl).toBe(
      'rediss://cache.example:6380/2',
    )
    expect(configError({ REDIS_URL: 'http://127.0.0.1:6390' }).message).toContain('REDIS_URL')
    expect(configError({ REDIS_URL: 'not a url' }).message).toContain('REDIS_URL')
  })
})
