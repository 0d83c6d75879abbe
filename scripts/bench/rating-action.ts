import { readFileSync } from 'node:fs'
import { join } from 'node:path'
// The encoder a browser's React uses for server action arguments, so the requests are the ones
// Chromium sends when a member chooses a star.
import { encodeReply } from 'next/dist/compiled/react-server-dom-webpack/client.node.js'
import type { RawRequest } from 'autocannon'
import { sql } from 'drizzle-orm'
import { openDatabaseFile } from '@/db/client'

export type RatingAggregates = {
  /** Rows in `ratings` for the film once the load has stopped. */
  ratings: number
  /** Whether every trigger-kept count and total equals a fresh count over `ratings`. */
  exact: boolean
  mismatches: {
    filmId: number
    what: string | number
    kept: string | number
    counted: string | number
  }[]
}

type Body = { contentType: string; body: Buffer }
type Context = { member?: number; sent?: number }

function actionId(root: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(join(root, '.next/server/server-reference-manifest.json'), 'utf8'),
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
 * autocannon's per-request hook for the rating action: each connection is one member, who keeps
 * changing their rating of the film (½ star, 1 star, … 5 stars, again), so every request writes.
 */
export async function ratingActionLoad(root: string, filmId: number, cookies: string[]) {
  const id = actionId(root, 'app/actions/ratings.ts', 'rateFilm')
  const bodies = await Promise.all(
    Array.from({ length: 10 }, (_, i) => encodedRating(filmId, i + 1)),
  )
  let members = 0
  const requestFor = (context: Context, headers: Record<string, string> = {}) => {
    context.member ??= members++ % cookies.length
    context.sent = (context.sent ?? 0) + 1
    const { body, contentType } = bodies[(context.member + context.sent) % bodies.length]!
    return {
      method: 'POST',
      headers: {
        ...headers,
        accept: 'text/x-component',
        'next-action': id,
        'content-type': contentType,
        cookie: cookies[context.member]!,
      },
      body,
    }
  }
  return {
    setupRequest: (request: RawRequest, context: Context) => ({
      ...request,
      ...requestFor(context, request.headers),
    }),
    /** One request as fetch sends it, to check the action answers before loading it. */
    sample: (): RequestInit => {
      const { body, ...rest } = requestFor({ member: 0 })
      return { ...rest, body: new Uint8Array(body) }
    },
  }
}

export function filmIdOf(dbFile: string, slug: string): Promise<number> {
  const db = openDatabaseFile(dbFile)
  return db
    .get<{ id: number }>(sql`select id from films where slug = ${slug}`)
    .then((row) => row.id)
    .finally(() => db.$client.close())
}

/**
 * Compares what the triggers kept (per-score counts and per-film totals) with a fresh count over
 * every rating.
 */
export async function ratingAggregates(dbFile: string, filmId: number): Promise<RatingAggregates> {
  const db = openDatabaseFile(dbFile)
  try {
    const scoreMismatches = await db.all<RatingAggregates['mismatches'][number]>(sql`
      with counted as (select film_id, score, count(*) as n from ratings group by film_id, score),
           kept as (select film_id, score, count as n from film_rating_counts where count <> 0)
      select coalesce(kept.film_id, counted.film_id) as filmId,
             coalesce(kept.score, counted.score) as what,
             coalesce(kept.n, 0) as kept, coalesce(counted.n, 0) as counted
      from kept full outer join counted using (film_id, score)
      where coalesce(kept.n, 0) <> coalesce(counted.n, 0)`)
    const totalMismatches = await db.all<RatingAggregates['mismatches'][number]>(sql`
      with counted as (
        select films.id as film_id, count(ratings.score) as n, coalesce(sum(ratings.score), 0) as s
        from films left join ratings on ratings.film_id = films.id group by films.id)
      select counted.film_id as filmId, 'count, sum' as what,
             film_rating_totals.rating_count || ', ' || film_rating_totals.half_star_sum as kept,
             counted.n || ', ' || counted.s as counted
      from counted left join film_rating_totals using (film_id)
      where film_rating_totals.film_id is null
         or film_rating_totals.rating_count <> counted.n
         or film_rating_totals.half_star_sum <> counted.s`)
    const mismatches = [...scoreMismatches, ...totalMismatches]
    const row = await db.get<{ n: number }>(
      sql`select count(*) as n from ratings where film_id = ${filmId}`,
    )
    return { ratings: row.n, exact: mismatches.length === 0, mismatches }
  } finally {
    db.$client.close()
  }
}
