// A real OpenID Connect provider on loopback for the e2e tests (started by playwright.config.ts).
// Anyone may sign in with any login name (the password is ignored) using oidc-provider's
// built-in development login and consent pages; the login name is the stable subject.
import Provider from 'oidc-provider'

const env = (name) => {
  const value = process.env[name]
  if (!value) throw new Error(`oidc-provider.mjs: ${name} is not set`)
  return value
}

const issuer = env('AUTH_OIDC_ISSUER')
const { port, hostname } = new URL(issuer)

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: env('AUTH_OIDC_ID'),
      client_secret: env('AUTH_OIDC_SECRET'),
      redirect_uris: [`${env('APP_URL')}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic', // Auth.js's default
    },
  ],
  async findAccount(_ctx, login) {
    return {
      accountId: login,
      async claims() {
        return {
          sub: login,
          email: `${login}@oidc.example.test`,
          email_verified: true,
          name: `Test ${login}`,
        }
      },
    }
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Put the claims in the ID token, as most providers do: Auth.js reads the profile from it.
  conformIdTokenClaims: false,
  // PKCE is Auth.js's default check; require it here too, so a sign-in without it fails.
  pkce: { required: () => true },
  cookies: { keys: ['kinofront-e2e-only-not-a-secret'] },
  features: { devInteractions: { enabled: true } },
})

// Say why a request failed: the app's own log shows only that signing in did not work.
for (const event of ['server_error', 'authorization.error', 'grant.error']) {
  provider.on(event, (_ctx, error) => {
    const detail = error.error_detail ?? error.error_description ?? ''
    console.error(`oidc-provider ${event}: ${error.message} ${detail}`)
  })
}

provider.listen(Number(port), hostname, () => {
  console.log(`OpenID Connect provider for e2e tests at ${issuer}`)
})
