import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { encodeReply } from 'next/dist/compiled/react-server-dom-webpack/client.node.js'
import { expect, test } from '@playwright/test'

// Server actions are public POST endpoints: sent as a browser would, but with no session or a
// forged one, every action that changes a member's data must send the sender to sign in and
// write nothing. The action ids are the build's own.
const manifest = JSON.parse(
  readFileSync(join(process.env.NEXT_DIST_DIR || '.next', 'server/server-reference-manifest.json'), 'utf8'), // prettier-ignore
) as { node: Record<string, { filename?: string; exportedName?: string }> }
// Signing out needs no session: without one it just goes home.
const PUBLIC = ['app/(per-request)/signin/actions.ts', 'app/(per-request)/signup/actions.ts', 'app/actions/sign-out.ts'] // prettier-ignore
const memberActions = Object.entries(manifest.node).filter(
  ([, { filename }]) => filename?.startsWith('app/') && !PUBLIC.includes(filename),
)

const db = createClient({ url: `file:${join(process.env.E2E_DB_DIR!, 'e2e.db')}` })
// A film no other test touches, and text no other test writes.
const FILM = 'girl-no-217'
const MARK = 'written-without-a-session'

async function traces(filmId: number) {
  const count = async (sql: string, args: (string | number)[]) =>
    Number((await db.execute({ sql, args })).rows[0]![0])
  return {
    ratings: await count('select count(*) from ratings where film_id = ?', [filmId]),
    watchlist: await count('select count(*) from watchlist_entries where film_id = ?', [filmId]),
    entries: await count('select count(*) from list_entries where film_id = ? or note = ?', [filmId, MARK]), // prettier-ignore
    lists: await count('select count(*) from lists where title = ? or description = ?', [MARK, MARK]), // prettier-ignore
    usernames: await count('select count(*) from users where username = ?', ['no_session_name']),
    diary: await count('select count(*) from diary_entries where film_id = ?', [filmId]),
    watched: await count('select count(*) from watched_films where film_id = ?', [filmId]),
  }
}

test('@js-only every member action refuses a request without a live session', async ({
  request,
}) => {
  expect(memberActions.length).toBeGreaterThanOrEqual(12)
  const filmId = Number(
    (await db.execute({ sql: 'select id from films where slug = ?', args: [FILM] })).rows[0]![0],
  )
  const form = new FormData()
  const fields = { filmId, score: 7, change: 'add', listId: 1, title: MARK, description: MARK, visibility: 'public', note: MARK, direction: 'up', confirm: 'on', watchlistPublic: 'on', currentPassword: 'x', newPassword: 'a long new passphrase', password: 'x', username: 'no_session_name', watchedOn: '2026-01-01', review: MARK, diaryPublic: 'private' } // prettier-ignore
  for (const [name, value] of Object.entries(fields)) form.set(name, String(value))
  const reply = new Response(await encodeReply([null, form]))
  const body = Buffer.from(await reply.arrayBuffer())
  const before = await traces(filmId)
  let reachedTheAction = 0
  for (const cookie of [undefined, 'authjs.session-token=forged.not-a-jwt']) {
    for (const [id, { filename, exportedName }] of memberActions) {
      const response = await request.post(`/films/${FILM}`, {
        headers: {
          'next-action': id,
          accept: 'text/x-component',
          'content-type': reply.headers.get('content-type')!,
          ...(cookie ? { cookie } : {}),
        },
        data: body,
        maxRedirects: 0,
      })
      const sentTo = response.headers()['x-action-redirect'] ?? response.headers().location ?? ''
      // Next refuses (409) an action that no component of the page it is posted to uses: the
      // list owner's actions are only on a member's list page. Either way nothing runs.
      const outcome = /^\/signin(\?|$)/.test(sentTo)
        ? 'sent to sign in'
        : response.status() === 409
          ? 'refused by Next'
          : `${response.status()} ${sentTo}`
      expect({ action: `${filename} ${exportedName}`, outcome }).toEqual({
        action: `${filename} ${exportedName}`,
        outcome: expect.stringMatching(/^(sent to sign in|refused by Next)$/),
      })
      if (outcome === 'sent to sign in') reachedTheAction++
    }
  }
  // The actions used on a film page (rating, watchlist, lists) and the account ones ran, and
  // sent the request to sign in before reading the form.
  expect(reachedTheAction).toBeGreaterThanOrEqual(2 * 8)
  expect(await traces(filmId)).toEqual(before)
})
