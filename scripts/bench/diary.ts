import { asc, eq } from 'drizzle-orm'
import { openDatabaseFile } from '@/db/client'
import { diaryEntries, films, users } from '@/db/schema'
import { checked, measureScenario, pageLoad, type HttpResult, type LoadOptions } from './http'
import { acceptEncoding, probe } from './load'
import type { Member } from './rating-action'
import type { Goal } from './report'
import { cpuPerRequest, type CpuPerRequest } from './server-cpu'

// Issue 10's claim: a diary page with 2,000 entries and a film page with 1,000 reviews stay within
// 20% of the same pages with 10. Each pair of pages is measured the same way, one after the other.
// A diary of 50 entries fills its first page (DIARY_PAGE_SIZE) as the one of 2,000 does: beside it
// the history's length alone is measured; beside the one of 10, also 40 more lines on the page.
// A public diary's first page is cached for visitors (lib/routes.ts) while members get it rendered
// per request: the signed-in rows measure that render.

const REVIEW = 'A long look at the war from the ground. '.repeat(12).trim()
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) - i * 3600_000 * 20).toISOString().slice(0, 10) // prettier-ignore

/** The rows runDiaryScenarios measures, for BENCH_ONLY. */
export const DIARY_IDS = ['diary-10', 'diary-50', 'diary-2000', 'diary-10-member', 'diary-2000-member', 'reviews-10', 'reviews-1000'] // prettier-ignore

export type DiarySeed = {
  bigDiary: string
  fullPageDiary: string
  smallDiary: string
  manyReviews: string
  fewReviews: string
}

/** Three members' diaries (2,000, 50 and 10 entries) and two films' reviews (1,000 and 10). */
export async function seedDiaryBench(databaseFile: string): Promise<DiarySeed> {
  const db = openDatabaseFile(databaseFile)
  try {
    const catalogue = await db.select({ id: films.id, slug: films.slug }).from(films).orderBy(asc(films.id)).limit(200) // prettier-ignore
    const [big, fullPage, small] = await db
      .insert(users)
      .values([
        { username: 'diary_big', email: 'diary.big@example.test' },
        { username: 'diary_full_page', email: 'diary.full.page@example.test' },
        { username: 'diary_small', email: 'diary.small@example.test' },
      ])
      .returning({ id: users.id, username: users.username })
    const entry = (userId: string, i: number, filmId: number) => ({
      userId,
      filmId,
      watchedOn: day(i),
      loggedAt: new Date(Date.UTC(2026, 0, 2) - i * 1000),
      score: (i % 10) + 1,
      review: i % 3 === 0 ? REVIEW : null,
    })
    const bigRows = Array.from({ length: 2000 }, (_, i) => entry(big!.id, i, catalogue[i % catalogue.length]!.id)) // prettier-ignore
    for (let at = 0; at < bigRows.length; at += 500) {
      await db.insert(diaryEntries).values(bigRows.slice(at, at + 500))
    }
    await db
      .insert(diaryEntries)
      .values(bigRows.slice(0, 50).map((row) => ({ ...row, userId: fullPage!.id })))
    await db.insert(diaryEntries).values(Array.from({ length: 10 }, (_, i) => entry(small!.id, i, catalogue[i]!.id))) // prettier-ignore

    const [many, few] = [catalogue.at(-1)!, catalogue.at(-2)!]
    const reviewers = await db
      .insert(users)
      .values(
        Array.from({ length: 1010 }, (_, i) => ({
          username: `reviewer_${i}`,
          email: `reviewer.${i}@example.test`,
        })),
      ) // prettier-ignore
      .returning({ id: users.id })
    const reviews = reviewers.map((reviewer, i) => ({
      ...entry(reviewer.id, i, i < 1000 ? many.id : few.id),
      review: REVIEW,
    }))
    for (let at = 0; at < reviews.length; at += 500) {
      await db.insert(diaryEntries).values(reviews.slice(at, at + 500))
    }
    const [check] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'diary_big')) // prettier-ignore
    if (!check) throw new Error('The diary bench members were not saved')
    return {
      bigDiary: `/u/${big!.username}/diary`,
      fullPageDiary: `/u/${fullPage!.username}/diary`,
      smallDiary: `/u/${small!.username}/diary`,
      manyReviews: `/films/${many.slug}`,
      fewReviews: `/films/${few.slug}`,
    }
  } finally {
    db.$client.close()
  }
}

/**
 * The seven pages, each beside the static file; and the goals that compare them: by their rates,
 * and (given the server's process group) by the server's CPU time per request.
 */
export async function runDiaryScenarios(
  baseUrl: string,
  options: LoadOptions,
  seed: DiarySeed,
  members: Member[],
  serverGroup?: number,
): Promise<{ results: HttpResult[]; goals: Goal[]; cpu: CpuPerRequest[] }> {
  const measure = async (id: string, label: string, path: string, mustInclude: string, signedIn = false) => {
    const load = pageLoad(path, 'chromium', signedIn ? members : undefined)
    const cookie: Record<string, string> = signedIn ? { cookie: members[0]!.cookie } : {}
    const probePage = async () => [checked(await probe(baseUrl + path, { headers: { 'accept-encoding': acceptEncoding('chromium'), ...cookie } }), path, mustInclude)] // prettier-ignore
    return measureScenario(baseUrl, { id, label, path }, load, options, probePage)
  } // prettier-ignore
  const pages = [
    ['diary-10', seed.smallDiary, undefined],
    ['diary-50', seed.fullPageDiary, undefined],
    ['diary-2000', seed.bigDiary, undefined],
    ['diary-10-member', seed.smallDiary, members],
    ['diary-2000-member', seed.bigDiary, members],
    ['reviews-10', seed.fewReviews, members],
    ['reviews-1000', seed.manyReviews, members],
  ] as const
  const results = [
    await measure('diary-10', 'Diary page, 10 entries, anonymous', seed.smallDiary, 'diary_small'),
    await measure('diary-50', 'Diary page, 50 entries (one full page), anonymous', seed.fullPageDiary, 'diary_full_page'), // prettier-ignore
    await measure('diary-2000', 'Diary page, 2,000 entries, anonymous', seed.bigDiary, 'Older entries'), // prettier-ignore
    // A member gets every diary rendered per request (lib/routes.ts), as anyone gets `?page=2` on.
    await measure('diary-10-member', 'Diary page, 10 entries, signed in (rendered per request)', seed.smallDiary, 'diary_small', true), // prettier-ignore
    await measure('diary-2000-member', 'Diary page, 2,000 entries, signed in (rendered per request)', seed.bigDiary, 'Older entries', true), // prettier-ignore
    await measure('reviews-10', 'Film page with 10 reviews, signed in', seed.fewReviews, 'Reviews', true), // prettier-ignore
    await measure('reviews-1000', 'Film page with 1,000 reviews, signed in', seed.manyReviews, '1000 reviews', true), // prettier-ignore
  ]
  const rate = (id: string) => results.find((r) => r.id === id)!.ratioToStatic
  const goal = (id: string, label: string, big: string, small: string, target = 0.8): Goal => {
    const measured = rate(big) / rate(small)
    return { id, label, judgedOn: `its rate against the same page with ${small.split('-')[1]}, each a share of the static file`, goal: target, measured, met: measured >= target } // prettier-ignore
  }
  const cpu = serverGroup === undefined ? [] : await cpuPerRequest(baseUrl, serverGroup, pages.map(([id, path, signedIn]) => ({ id, load: pageLoad(path, 'chromium', signedIn) }))) // prettier-ignore
  for (const page of cpu) console.log(`${page.id}: ${page.cpuMsPerRequest.toFixed(3)} ms of server CPU per request (rounds: ${page.rounds.map((ms) => ms.toFixed(3)).join(', ')})`) // prettier-ignore
  const cpuOf = (id: string) => cpu.find((page) => page.id === id)!.cpuMsPerRequest
  // As a rate: the small page's CPU per request over the big one's (0.8: the big costs 25% more).
  const cpuGoal = (id: string, label: string, big: string, small: string, target = 0.8): Goal => {
    const measured = cpuOf(small) / cpuOf(big)
    return { id: `${id}-cpu`, label, judgedOn: `the server's CPU per request of the same page with ${small.split('-')[1]} over its own`, goal: target, measured, met: measured >= target } // prettier-ignore
  }
  const pairs = [
    ['diary-2000', 'Diary page with 2,000 entries', 'diary-2000', 'diary-10', 0.8],
    // The history's length alone: the same 50 lines on the page, 40 times as many entries behind.
    ['diary-history', 'Diary page with 2,000 entries, against one full page of 50', 'diary-2000', 'diary-50', 0.95], // prettier-ignore
    ['diary-lines', 'Diary page with 50 lines, against one of 10', 'diary-50', 'diary-10', 0.8],
    ['diary-2000-member', 'Diary page with 2,000 entries, rendered per request for a member', 'diary-2000-member', 'diary-10-member', 0.8], // prettier-ignore
    ['reviews-1000', 'Film page with 1,000 reviews', 'reviews-1000', 'reviews-10', 0.8],
  ] as const
  return {
    results,
    goals: [
      ...pairs.map(([id, label, big, small, target]) => goal(id, label, big, small, target)),
      ...(cpu.length ? pairs.map(([id, label, big, small, target]) => cpuGoal(id, label, big, small, target)) : []), // prettier-ignore
    ],
    cpu,
  }
}
