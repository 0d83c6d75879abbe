import type { NextRequest } from 'next/server'
import { handlers } from '@/auth'

type Handler = (request: NextRequest) => Promise<Response>

/**
 * Hands Auth.js the URL the browser asked for. Next.js builds `request.url` from the address the
 * server listens on (and turns 127.0.0.1 into localhost), so provider callbacks would otherwise
 * carry a redirect_uri that differs from the one sign-in sent and be refused. A plain Request is
 * used because NextRequest rewrites the host again.
 */
function atRequestedOrigin(handler: Handler): Handler {
  return (request) => {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
    if (!host) return handler(request)
    const protocol =
      request.headers.get('x-forwarded-proto') ?? request.nextUrl.protocol.replace(/:$/, '')
    const url = new URL(
      `${request.nextUrl.pathname}${request.nextUrl.search}`,
      `${protocol}://${host}`,
    )
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body
    const init = { method: request.method, headers: request.headers, body, duplex: 'half' }
    return handler(new Request(url, init as RequestInit) as NextRequest)
  }
}

export const GET = atRequestedOrigin(handlers.GET)
export const POST = atRequestedOrigin(handlers.POST)
