// How long a write through one instance takes to show on another's shared page: a rating sent
// through instance A as Chromium sends it, then B's anonymous film page asked for again and
// again until its count has the new rating.
import { acceptEncoding, probe } from './load'
import { ratingActionLoad, type Member } from './rating-action'

export type Propagation = {
  path: string
  /** One per write: from the action's answer to B's first page with the rating, and B's stale answers before it. */
  samples: { ms: number; staleAnswers: number }[]
  medianMs: number
  maxMs: number
}

const POLL_MS = 20
const GIVE_UP_MS = 30_000

const ratingCount = (html: string) => {
  const found = /out of 5 from ([\d,]+) ratings?/.exec(html)
  return found ? Number(found[1]!.replace(/,/g, '')) : 0
}

/** `writers`: members who have not rated the film yet, one write each. */
export async function measurePropagation(
  root: string,
  [a, b]: [string, string],
  { path, filmId, writers }: { path: string; filmId: number; writers: Member[] },
): Promise<Propagation> {
  const pageOnB = async () => {
    const page = await probe(b + path, { headers: { 'accept-encoding': acceptEncoding('chromium') } }) // prettier-ignore
    if (page.status !== 200) throw new Error(`${b}${path} answered ${page.status}`)
    return ratingCount(page.text)
  }
  const samples: Propagation['samples'] = []
  for (const writer of writers) {
    // B has the page cached, as a visited page is.
    const before = await pageOnB()
    await pageOnB()
    const rating = await ratingActionLoad(root, { filmId, path, members: [writer], encoding: 'chromium' }) // prettier-ignore
    await rating.check(a)
    const written = performance.now()
    let staleAnswers = 0
    while ((await pageOnB()) !== before + 1) {
      if (performance.now() - written > GIVE_UP_MS) {
        throw new Error(`A rating through ${a} did not show on ${b}${path} within ${GIVE_UP_MS} ms`)
      }
      staleAnswers++
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
    samples.push({ ms: performance.now() - written, staleAnswers })
  }
  const sorted = samples.map((s) => s.ms).sort((x, y) => x - y)
  const result = {
    path,
    samples,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    maxMs: sorted.at(-1)!,
  }
  console.log(
    `A rating through one instance on the other's ${path}: median ${result.medianMs.toFixed(0)} ms, ` +
      `max ${result.maxMs.toFixed(0)} ms (${samples.map((s) => s.staleAnswers).join(', ')} stale answers before it)`,
  )
  return result
}
