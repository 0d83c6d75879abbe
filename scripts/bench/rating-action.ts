import { readFileSync } from 'node:fs'
import { join } from 'node:path'
// The encoder a browser's React uses for server action arguments, so the requests are the ones
// Chromium sends when a member chooses a star.
import { encodeReply } from 'next/dist/compiled/react-server-dom-webpack/client.node.js'
import type { Client, RawRequest } from 'autocannon'
import { MAX_SCORE } from '@/lib/scores'
import { acceptEncoding, probe, type Encoding, type Load } from './load'
import { distDir } from './server'

type Body = { contentType: string; body: Buffer }

/** A bench member: a user of the bench database and the session cookie Auth.js would give them. */
export type Member = { id: string; cookie: string }

export function actionId(root: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(join(root, distDir, 'server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> }
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === filename && entry.exportedName === exportedName,
  )
  if (!found) throw new Error(`No server action ${exportedName} in ${filename} in this build`)
  return found[0]
}

async function encodedRating(filmId: number, score: number): Promise<Body> {
  const form = new FormData()
  form.set('filmId', String(filmId))
  form.set('score', String(score))
  // useActionState calls the action with (previous state, form data).
  const reply = new Response(await encodeReply([null, form]))
  return {
    contentType: reply.headers.get('content-type')!,
    body: Buffer.from(await reply.arrayBuffer()),
  }
}

/**
 * The rating action as Chromium sends it when a member chooses a star. Each connection is one
 * member (state kept per connection through autocannon's `setupClient`), and every request gives
 * a score different from both the member's last score sent and the last one the server confirmed,
 * so every request that completes has changed that member's rating.
 */
export async function ratingActionLoad(
  root: string,
  {
    filmId,
    path,
    members,
    encoding,
  }: { filmId: number; path: string; members: Member[]; encoding: Encoding },
) {
  const id = actionId(root, 'app/actions/ratings.ts', 'rateFilm')
  const bodies = await Promise.all(
    Array.from({ length: MAX_SCORE }, (_, i) => encodedRating(filmId, i + 1)),
  )
  const lastSent = members.map(() => 0)
  const confirmed = members.map(() => 0)
  const nextScore = (member: number) => {
    let score = (lastSent[member]! % MAX_SCORE) + 1
    if (score === confirmed[member]) score = (score % MAX_SCORE) + 1
    lastSent[member] = score
    return score
  }
  const requestFor = (member: number, score: number, headers: Record<string, string> = {}) => {
    const { body, contentType } = bodies[score - 1]!
    return {
      method: 'POST',
      headers: {
        ...headers,
        accept: 'text/x-component',
        'accept-encoding': acceptEncoding(encoding),
        'next-action': id,
        'content-type': contentType,
        cookie: members[member]!.cookie,
      },
      body,
    }
  }
  let assigned = 0

  const load: Load = {
    path,
    encoding,
    options: () => {
      let clients = 0
      return {
        setupClient: (client: Client) => {
          if (++clients > members.length) {
            throw new Error(`More connections than the ${members.length} bench members`)
          }
          const member = assigned++ % members.length
          let pending = 0
          client.setRequests([
            {
              setupRequest: (request: RawRequest) => {
                pending = nextScore(member)
                return { ...request, ...requestFor(member, pending, request.headers) }
              },
              onResponse: (status: number) => {
                if (status === 200) confirmed[member] = pending
              },
            },
          ])
        },
      }
    },
  }

  return {
    load,
    /** Sends one rating as member 0 and checks that the action accepted it. */
    async check(baseUrl: string) {
      const score = nextScore(0)
      const { body, ...init } = requestFor(0, score)
      const answer = await probe(baseUrl + path, { ...init, body })
      if (answer.status !== 200 || !answer.text.includes('"ok":true')) {
        throw new Error(`The rating action answered ${answer.status}: ${answer.text.slice(0, 200)}`)
      }
      confirmed[0] = score
      return answer
    },
    /** The scores each member's rating may now hold: the last one confirmed or the last one sent. */
    expectedScores: () =>
      new Map(members.map((m, i) => [m.id, new Set([confirmed[i]!, lastSent[i]!])])),
  }
}

export type RatingActionLoad = Awaited<ReturnType<typeof ratingActionLoad>>
