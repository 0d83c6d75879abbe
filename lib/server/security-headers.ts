import type { ServerResponse } from 'node:http'
import type { AuthConfig } from '../../config'

/**
 * Headers every response carries, set in one place (server.ts, before Next answers).
 *
 * The Content-Security-Policy here leaves scripts out: Next's App Router writes inline scripts
 * (its flight data) into every page, different on each, so a `script-src` without
 * 'unsafe-inline' needs a nonce per request or the hashes of each page's scripts. Nonces would
 * make every page, the shared cached ones included, render per request (Next reads the nonce
 * while rendering). What it does restrict: no framing by any other site (with X-Frame-Options
 * for older browsers), forms post only to this site, no <base> hijack, no plugins.
 */
type Options = {
  https: boolean
  /**
   * Origins a form may lead to besides this site: signing in with an identity provider posts a
   * form here that redirects there, and browsers hold redirects after a form to `form-action`.
   */
  formTargets: string[]
}

export function securityHeaders({ https, formTargets }: Options): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': [
      "frame-ancestors 'none'",
      ["form-action 'self'", ...formTargets].join(' '),
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
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
