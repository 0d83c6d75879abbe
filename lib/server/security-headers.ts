import type { ServerResponse } from 'node:http'
import type { AuthConfig } from '../../config'

/**
 * Headers every response carries, set in one place (server.ts, before Next answers).
 *
 * The Content-Security-Policy runs scripts from this site only, never inline ones, except that
 * an HTML page's own inline scripts (Next's App Router writes its flight data and React's
 * streaming into each page, different on each) are allowed by their hashes: server.ts holds each
 * HTML response, hashes its inline scripts and lists them (lib/server/page-script-policy.ts).
 * Hashes rather than nonces, because a nonce must differ per response, and Next writes it into
 * the page while rendering: every page, the shared cached ones too, would render per request.
 * Besides scripts: no framing by any other site (with X-Frame-Options for older browsers), forms
 * post only to this site, no <base> hijack, no plugins.
 */
type Options = {
  https: boolean
  /** `next dev` evaluates code (React's dev tools, fast refresh): scripts are left open there. */
  dev?: boolean
  /**
   * Origins a form may lead to besides this site: signing in with an identity provider posts a
   * form here that redirects there, and browsers hold redirects after a form to `form-action`.
   */
  formTargets: string[]
}

/** The Content-Security-Policy, allowing the inline scripts with these hashes (`'sha256-…'`). */
export function contentSecurityPolicy(
  { formTargets, dev = false }: Pick<Options, 'formTargets' | 'dev'>,
  scriptHashes: readonly string[] = [],
): string {
  const scripts = dev ? ["'unsafe-inline'", "'unsafe-eval'"] : scriptHashes
  return [
    ["script-src 'self'", ...scripts].join(' '),
    "frame-ancestors 'none'",
    ["form-action 'self'", ...formTargets].join(' '),
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
}

export function securityHeaders(options: Options): Record<string, string> {
  const { https } = options
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  }
  // Only over HTTPS: a browser ignores it over HTTP, and it must not pin a site that has no TLS.
  if (https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  return headers
}

/** The headers, worked out once, for server.ts to set on each response. */
export function securityHeadersSetter(options: Options) {
  const headers = Object.entries(securityHeaders(options))
  return (res: ServerResponse) => {
    for (const [name, value] of headers) res.setHeader(name, value)
  }
}

/** The identity providers' origins, which signing in with one redirects a form to. */
export function providerOrigins({ oidc, github }: AuthConfig): string[] {
  return [...(oidc ? [new URL(oidc.issuer).origin] : []), ...(github ? ['https://github.com'] : [])]
}
