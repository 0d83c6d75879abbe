import { performance } from 'node:perf_hooks'
import { actionId } from './rating-action'

// The flood the security review measured: 8 sign-ups at a time from one address, sent as a
// browser without JavaScript sends the form. Meanwhile a member signs in (one at a time) and
// someone searches the catalogue; both are timed against the same with no flood.

const SIGN_UP = ['app/(per-request)/signup/actions.ts', 'signUp'] as const
const SIGN_IN = ['app/(per-request)/signin/actions.ts', 'signInWithPassword'] as const
const SEARCH_PATH = '/films?q=cranes'

type Timings = { signInMs: number; searchMs: number }

export type SignUpFlood = {
  concurrency: number
  floodSec: number
  quiet: Timings
  flooded: Timings
  /** Flooded median over quiet median: the goal is at most 2. */
  ratio: Timings
  signUpsSent: number
  accountsCreated: number
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function postForm(url: string, path: string, action: string, fields: Record<string, string>) {
  const form = new FormData()
  form.set(`$ACTION_ID_${action}`, '')
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { origin: url },
  })
  await response.arrayBuffer()
  return response
}

async function timed(run: () => Promise<unknown>) {
  const start = performance.now()
  await run()
  return performance.now() - start
}

export async function runSignUpFlood(
  root: string,
  url: string,
  { concurrency = 8, floodSec = 20 }: { concurrency?: number; floodSec?: number } = {},
): Promise<SignUpFlood> {
  const signUp = actionId(root, ...SIGN_UP)
  const signIn = actionId(root, ...SIGN_IN)
  const member = { email: 'flood.member@example.test', password: 'a long enough passphrase' }
  const created = await postForm(url, '/signup', signUp, { username: 'flood_member', ...member })
  if (created.status !== 303) throw new Error(`Could not sign the member up (${created.status})`)

  // Sign-ins one after another, searches alongside them, for `seconds`.
  async function measure(seconds: number): Promise<Timings> {
    const until = Date.now() + seconds * 1000
    const signIns: number[] = []
    const searches: number[] = []
    const signingIn = (async () => {
      while (Date.now() < until || signIns.length < 3) {
        signIns.push(
          await timed(async () => {
            const response = await postForm(url, '/signin', signIn, member)
            if (response.status !== 303) throw new Error(`Sign-in answered ${response.status}`)
          }),
        )
      }
    })()
    while (Date.now() < until || searches.length < 10) {
      searches.push(await timed(() => fetch(`${url}${SEARCH_PATH}`).then((r) => r.arrayBuffer())))
    }
    await signingIn
    return { signInMs: median(signIns), searchMs: median(searches) }
  }

  const quiet = await measure(floodSec / 2)
  let stop = false
  let sent = 0
  let accountsCreated = 0
  const flood = Array.from({ length: concurrency }, async (_, lane) => {
    for (let i = 0; !stop; i++) {
      const id = `${lane}_${i}_${Date.now().toString(36)}`
      const response = await postForm(url, '/signup', signUp, {
        username: `flood_${id}`.slice(0, 30),
        email: `flood.${id}@example.test`,
        password: `flood passphrase ${id}`,
      })
      sent++
      if (response.status === 303) accountsCreated++
    }
  })
  const flooded = await measure(floodSec)
  stop = true
  await Promise.all(flood)
  return {
    concurrency,
    floodSec,
    quiet,
    flooded,
    ratio: {
      signInMs: flooded.signInMs / quiet.signInMs,
      searchMs: flooded.searchMs / quiet.searchMs,
    },
    signUpsSent: sent,
    accountsCreated,
  }
}
