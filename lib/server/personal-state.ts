import type { IncomingMessage, ServerResponse } from 'node:http'
import { getDb, type Database } from '@/db/client'
import { rememberedFeaturedList } from '@/db/featured-choice'
import { personalStateOfSession, type PersonalPage, type PersonalState } from '@/db/personal-state'
import { matchPage, type PageMatch } from '@/lib/route-match'
import { sessionTokenOf } from '@/lib/session-user'

/** What `MEMBER_VIEW.statePath` answers: the member's part of the page, or null signed out. */
export type PersonalStateReply = { member: PersonalState | null }

/**
 * Answers `GET <statePath>?page=<path>` with the member's own state for a shared page. Served
 * by server.ts before Next: a route handler pays Next's per-request cost, many times this one.
 * The session is checked as everywhere else (signature, expiry, its member_sessions row, session
 * version), in the same query as the member's state on a film page; the answer is never stored.
 */
export async function servePersonalState(
  req: IncomingMessage,
  res: ServerResponse,
  db: Database = getDb(),
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return reply(res, 405, { error: 'Use GET.' }, { allow: 'GET, HEAD' })
  }
  const pagePath = new URL(req.url ?? '/', 'http://kinofront.invalid').searchParams.get('page')
  const page = pagePath === null ? null : matchPage(pagePath)
  if (!page || page.served !== 'cached-for-everyone') {
    return reply(res, 400, { error: 'Name a shared page: ?page=/films/<slug>.' })
  }
  try {
    const token = await sessionTokenOf(req.headers.cookie)
    const { sub: userId, sessionId, sessionVersion } = token ?? {}
    const member =
      userId && sessionId
        ? await personalStateOfSession(
            { userId, sessionId, sessionVersion },
            await personalPageOf(page, db),
            db,
          )
        : null
    reply(res, 200, { member } satisfies PersonalStateReply)
  } catch (error) {
    console.error('The personal state could not be read:', error)
    reply(res, 500, { error: 'Your own state could not be read. Reload the page to try again.' })
  }
}

async function personalPageOf({ name, check }: PageMatch, db: Database): Promise<PersonalPage> {
  if (name === 'home') return { kind: 'curatedList', slug: (await rememberedFeaturedList(db)).slug }
  if (check?.kind === 'film' || check?.kind === 'curatedList') {
    return { kind: check.kind, slug: check.params.slug }
  }
  return { kind: 'other' }
}

function reply(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
) {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : json)
}
