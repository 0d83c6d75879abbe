import { DrizzleAdapter } from '@auth/drizzle-adapter'
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth'
import type { Provider } from 'next-auth/providers'
import Credentials from 'next-auth/providers/credentials'
import GitHub from 'next-auth/providers/github'
import { config } from '@/config'
import { getDb } from '@/db/client'
import { endSession, SESSION_LIFETIME } from '@/db/member-sessions'
import { accounts, users } from '@/db/schema'
import { signInSchema } from '@/lib/rules/accounts'
import { authSecret } from '@/lib/auth-secret'
import {
  refuseSignInWhileDatabaseLost,
  refusingWritesWhileDatabaseLost,
} from '@/lib/auth-database-guard'
import { clientAddressOf } from '@/lib/client-address'
import { refreshSessionToken } from '@/lib/session-token'
import { Busy } from '@/lib/hash-gate'
import { signInWithPassword } from '@/lib/sign-in'
import { redeemSignInTicket, SIGN_IN_TICKET } from '@/lib/sign-in-ticket'

declare module 'next-auth' {
  interface Session {
    user: { id: string; username: string | null }
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sessionId?: string
    sessionVersion?: number
    username?: string | null
  }
}

/** Refused while throttled; the code carries the time it ends (ms since the epoch). */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAt: Date) {
    super()
    this.code = `throttled:${retryAt.getTime()}`
  }
}

/** Refused because the server has too many passwords to check; the code carries the seconds to wait. */
export class BusySignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super()
    this.code = `busy:${retryAfterSeconds}`
  }
}

function providers(): Provider[] {
  const { oidc, github } = config().auth
  const list: Provider[] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(input, request) {
        const parsed = signInSchema.safeParse(input)
        if (!parsed.success) return null
        const outcome = await signInWithPassword({
          ...parsed.data,
          clientAddress: clientAddressOf(request.headers),
        }).catch((error: unknown) => {
          if (error instanceof Busy) throw new BusySignIn(error.retryAfterSeconds)
          throw error
        })
        if (!outcome.ok && outcome.reason === 'throttled')
          throw new ThrottledSignIn(outcome.retryAt)
        return outcome.ok ? { id: outcome.user.id } : null
      },
    }),
    // Signs in an account whose password the server itself has just hashed (lib/sign-in-ticket.ts).
    Credentials({
      id: SIGN_IN_TICKET,
      credentials: { ticket: {} },
      authorize(input) {
        const userId = redeemSignInTicket(input.ticket)
        return userId ? { id: userId } : null
      },
    }),
  ]
  if (oidc) {
    list.push({
      id: 'oidc',
      name: oidc.name,
      type: 'oidc',
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
    })
  }
  if (github) list.push(GitHub({ clientId: github.clientId, clientSecret: github.clientSecret }))
  return list
}

function authConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    // npm start serves the site itself (server.ts), so the Host header is the site's own.
    trustHost: true,
    adapter: refusingWritesWhileDatabaseLost(
      DrizzleAdapter(getDb(), { usersTable: users, accountsTable: accounts }),
    ),
    session: { strategy: 'jwt', maxAge: SESSION_LIFETIME.absolute / 1000 },
    providers: providers(),
    pages: { signIn: '/signin', error: '/signin' },
    callbacks: {
      signIn: refuseSignInWhileDatabaseLost,
      jwt: ({ token, user }) => refreshSessionToken(token, user),
      session({ session, token }) {
        session.user = { id: token.sub!, username: token.username ?? null } as typeof session.user
        return session
      },
    },
    events: {
      // Ends the session on the server too: a copy of the cookie is refused from now on.
      async signOut(message) {
        const sessionId = 'token' in message ? message.token?.sessionId : undefined
        if (sessionId) await endSession(sessionId)
      },
    },
    logger: {
      // A wrong password or a throttled attempt is an answer, not a server error.
      error(error) {
        if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return
        console.error(`[auth] ${error.name}: ${error.message}`)
      },
      warn() {},
    },
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig())
