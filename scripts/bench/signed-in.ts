import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Client } from 'autocannon'
import { encode } from 'next-auth/jwt'
import { openDatabaseFile } from '@/db/client'
import { startSession } from '@/db/member-sessions'
import { users } from '@/db/schema'
import { MEMBER_VIEW } from '@/lib/member-view'
import { SESSION_COOKIE } from '@/lib/session-cookie'
import type { HttpResult } from './http'
import { acceptEncoding, probe, type Encoding, type Load, type Sample } from './load'
import type { Member } from './rating-action'

// The bench server runs over HTTP.
const COOKIE = SESSION_COOKIE.http

/**
 * `count` new members of the bench database, each with a session cookie signed with the secret
 * the server generated beside it, as Auth.js would issue it at sign-in.
 */
export async function benchMembers(dir: string, count: number): Promise<Member[]> {
  const databaseFile = join(dir, 'bench.db')
  const db = openDatabaseFile(databaseFile)
  const secret = readFileSync(join(dir, 'auth-secret'), 'utf8').trim()
  const members = await db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        username: `bench_${i}`,
        email: `bench.${i}@example.test`,
      })),
    )
    .returning({ id: users.id, username: users.username, sessionVersion: users.sessionVersion })
  // Each a live session on the server, as signing in starts one (db/member-sessions.ts).
  const sessionIds = await Promise.all(
    members.map((member) => startSession(member.id, new Date(), db)),
  )
  db.$client.close()
  return Promise.all(
    members.map(async (member, i) => {
      const token = {
        sub: member.id,
        sessionId: sessionIds[i],
        username: member.username,
        sessionVersion: member.sessionVersion,
      }
      return { id: member.id, cookie: `${COOKIE}=${await encode({ token, secret, salt: COOKIE })}` }
    }),
  )
}

/** The cookie header of a member whose browser runs the site's scripts (lib/member-view.ts). */
const withScripts = (member: Member) =>
  `${member.cookie}; ${MEMBER_VIEW.cookie}=${MEMBER_VIEW.cookieValue}`

/** The personal request a shared page's script sends for `path`. */
export const personalStatePath = (path: string) =>
  `${MEMBER_VIEW.statePath}?page=${encodeURIComponent(path)}`

/**
 * `paths` in turn on each connection, each connection a different member with JavaScript: for
 * a page view, the shared page and then its personal request.
 */
export function memberRequestsLoad(paths: string[], encoding: Encoding, members: Member[]): Load {
  let assigned = 0
  return {
    path: paths[0]!,
    encoding,
    options: () => ({
      headers: { 'accept-encoding': acceptEncoding(encoding) },
      setupClient: (client: Client) => {
        const cookie = withScripts(members[assigned++ % members.length]!)
        client.setRequests(paths.map((path) => ({ method: 'GET', path, headers: { cookie, 'accept-encoding': acceptEncoding(encoding) } }))) // prettier-ignore
      },
    }),
  }
}

/** Probes what a member with JavaScript gets: the shared page, and their own state as JSON. */
export async function probeMemberView(baseUrl: string, path: string, member: Member) {
  const headers = { cookie: withScripts(member), 'accept-encoding': acceptEncoding('chromium') }
  const page = await probe(baseUrl + path, { headers })
  if (page.status !== 200 || page.text.includes('Your rating')) {
    throw new Error(`${path} with JavaScript answered ${page.status}, or with a member's own part`)
  }
  const state = await probe(baseUrl + personalStatePath(path), { headers })
  if (state.status !== 200 || !JSON.parse(state.text).member?.film) {
    throw new Error(`The personal request for ${path} answered ${state.status}: ${state.text}`)
  }
  return { page, state }
}

/** A result of loads of `requestsPerView` requests each, counted per page view. */
export function perPageView(result: HttpResult, requestsPerView: number): HttpResult {
  const per = (sample: Sample): Sample => ({
    ...sample,
    requestsPerSec: sample.requestsPerSec / requestsPerView,
    totalRequests: sample.totalRequests / requestsPerView,
  })
  return {
    ...result,
    requestsPerSec: result.requestsPerSec / requestsPerView,
    ratioToStatic: result.ratioToStatic / requestsPerView,
    pairs: result.pairs.map((pair) => ({
      ...pair,
      scenario: per(pair.scenario),
      ratio: pair.ratio / requestsPerView,
    })),
  }
}
