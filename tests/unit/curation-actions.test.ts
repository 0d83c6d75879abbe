// The helper first: its stand-ins for next/headers and next/cache apply to what is imported after.
import {
  databaseForActions,
  form,
  outcomeOf,
  redirectOf,
  revalidatedPaths,
  signInAs,
} from '../helpers/server-actions'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { findCuratedList } from '@/db/curated'
import { listForCuration } from '@/db/curated-corrections'
import { curatorHistory, setCuratorRole } from '@/db/curators'
import { FEATURED_LIST } from '@/db/featured-list'
import { curatedLists, curationDrafts, curatorChanges } from '@/db/schema'
import { CHECK_FIELDS } from '@/lib/action-result'
import { curationMessages } from '@/lib/rules/curated'
import { curatedFixture } from '../helpers/curated-fixtures'
import { curatorAndMember } from '../helpers/curators'
import { dumpTables } from '../helpers/table-rows'

const db = await databaseForActions()
const { applyDraft, previewListFile, saveJudgement, addEntryJudgement } = await import('@/app/actions/curation') // prettier-ignore
const { NOT_A_CURATOR } = await import('@/lib/curator-action')
const { newPerson, curator, member } = await curatorAndMember(db, 'curation')

const curatedState = () =>
  dumpTables(db, {
    lists: 'select * from curated_lists order by id',
    entries: 'select * from curated_entries order by id',
    corrections: 'select * from corrections order by id',
    films: 'select id, slug from films order by id',
  })

function upload(text: string | Uint8Array, fields: Record<string, string> = {}, name = 'list.txt') {
  const data = form(fields)
  data.append('file', new File([typeof text === 'string' ? text : new Uint8Array(text)], name, { type: 'text/plain' })) // prettier-ignore
  return data
}

const draftIdOf = (sentTo: string) => Number(/draft=(\d+)/.exec(sentTo)![1])

describe('who may curate', () => {
  it('refuses a member who is not a curator, changing nothing', async () => {
    await signInAs(member)
    const before = await curatedState()
    const outcome = await outcomeOf(previewListFile(null, upload(curatedFixture('unknown-films.txt')))) // prettier-ignore
    expect(outcome).toMatchObject({ answered: { ok: false, message: NOT_A_CURATOR } })
    expect(await outcomeOf(applyDraft(null, form({ draft: '1' })))).toMatchObject({ answered: { ok: false, message: NOT_A_CURATOR } }) // prettier-ignore
    expect(await curatedState()).toEqual(before)
    expect(await db.select().from(curationDrafts)).toEqual([])
  })

  it('sends someone signed out to sign in', async () => {
    expect(await redirectOf(previewListFile(null, upload('x')))).toMatch(/^\/signin\?/)
  })

  it('stops a curator whose role was withdrawn', async () => {
    const former = await newPerson()
    await setCuratorRole(former.username, 'curator', db)
    await setCuratorRole(former.username, 'member', db)
    await signInAs(former)
    expect(await outcomeOf(previewListFile(null, upload('x')))).toMatchObject({ answered: { ok: false, message: NOT_A_CURATOR } }) // prettier-ignore
  })
})

describe('importing through /curate', () => {
  it('previews without writing, then applies, records who did it and invalidates the pages', async () => {
    await signInAs(curator)
    const before = await curatedState()
    const sentTo = await redirectOf(
      previewListFile(null, upload(curatedFixture('unknown-films.txt'), { listSlug: '', listTitle: '' }, 'mixed.txt')), // prettier-ignore
    )
    expect(sentTo).toMatch(/^\/curate\?draft=\d+#preview$/)
    expect(await curatedState()).toEqual(before)

    const [draft] = await db.select().from(curationDrafts)
    expect(draft).toMatchObject({ userId: curator.id, listSlug: 'war-films-from-everywhere', listTitle: 'War films from everywhere', createFilms: false, fileName: 'mixed.txt' }) // prettier-ignore

    expect(await redirectOf(applyDraft(null, form({ draft: String(draftIdOf(sentTo)) })))).toBe(
      '/curate?imported=war-films-from-everywhere',
    )
    const list = await findCuratedList('war-films-from-everywhere', db)
    expect(list!.entries.map((e) => e.film?.slug ?? `text: ${e.listedTitle}`)).toEqual([
      'come-and-see',
      'text: Cross of Iron',
      // The full catalogue has Ivan's Childhood, found by its Russian title.
      'ivans-childhood',
      'two-soldiers',
    ])
    expect(revalidatedPaths()).toEqual([
      '/curated/war-films-from-everywhere',
      '/films/come-and-see',
      '/films/ivans-childhood',
      '/films/two-soldiers',
    ])
    const [change] = await curatorHistory(1, db)
    expect(change).toMatchObject({
      username: curator.username,
      kind: 'import',
      listSlug: 'war-films-from-everywhere',
      summary: 'Imported mixed.txt: 4 entries: 4 added, 0 changed, 1 not in our catalogue',
    })
    expect(await db.select().from(curationDrafts)).toEqual([])
  })

  it('creates films only when the box is ticked', async () => {
    await signInAs(curator)
    const sentTo = await redirectOf(previewListFile(null, upload(curatedFixture('unknown-films.txt'), { listSlug: 'with-new-films', createFilms: 'on' }))) // prettier-ignore
    await redirectOf(applyDraft(null, form({ draft: String(draftIdOf(sentTo)) })))
    const list = await findCuratedList('with-new-films', db)
    expect(list!.entries.map((e) => e.film?.slug)).toEqual(['come-and-see', 'cross-of-iron', 'ivans-childhood', 'two-soldiers']) // prettier-ignore
  })

  it('shows every problem of a bad file next to the file field, writing nothing', async () => {
    await signInAs(curator)
    const before = await curatedState()
    const latin1 = Buffer.from('Café films\n\nCome and See (1985)\nDescription: d\nFact: f\n', 'latin1') // prettier-ignore
    expect(await previewListFile(null, upload(latin1))).toMatchObject({
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { file: [expect.stringMatching(/^line 1: the byte 0xE9 is not UTF-8/)] },
    })
    expect(await previewListFile(null, upload(curatedFixture('labels-and-numbering.txt')))).toMatchObject({ fieldErrors: { file: [expect.stringMatching(/^line 11: unknown label "Why watch:"/), expect.stringMatching(/^line 17: unknown label "Rating:"/)] } }) // prettier-ignore
    expect(await previewListFile(null, form({}))).toMatchObject({ fieldErrors: { file: [curationMessages.fileMissing] } }) // prettier-ignore
    expect(await previewListFile(null, upload(curatedFixture('unknown-films.txt'), { listSlug: 'Bad Slug/../x' }))).toMatchObject({ fieldErrors: { listSlug: ['A list slug may use only lower-case letters a–z, digits and single hyphens'] } }) // prettier-ignore
    expect(await curatedState()).toEqual(before)
    expect(await db.select().from(curationDrafts)).toEqual([])
  })

  it('does not let one curator apply another curator’s draft', async () => {
    const other = await newPerson()
    await setCuratorRole(other.username, 'curator', db)
    await signInAs(curator)
    const sentTo = await redirectOf(previewListFile(null, upload(curatedFixture('unknown-films.txt'), { listSlug: 'not-yours' }))) // prettier-ignore
    await signInAs(other)
    expect(await applyDraft(null, form({ draft: String(draftIdOf(sentTo)) }))).toMatchObject({ ok: false, message: curationMessages.draftMissing }) // prettier-ignore
    expect(await db.select().from(curatedLists).where(eq(curatedLists.slug, 'not-yours'))).toEqual([]) // prettier-ignore
  })
})

describe('editing judgements through /curate', () => {
  it('rewrites a judgement’s text and sources, recorded and shown on the film page', async () => {
    await signInAs(curator)
    const list = await listForCuration(FEATURED_LIST.slug, db)
    const twoSoldiers = list!.entries.find((e) => e.film?.slug === 'two-soldiers')!
    const judgement = twoSoldiers.judgements[0]!
    const result = await saveJudgement(null, form({ correction: String(judgement.id), finding: 'They are friends, not brothers.', sources: 'https://example.org/two-soldiers\n\nhttps://example.org/more' })) // prettier-ignore
    expect(result).toEqual({ ok: true, message: curationMessages.saved })
    const after = (await listForCuration(FEATURED_LIST.slug, db))!.entries.find((e) => e.id === twoSoldiers.id)! // prettier-ignore
    expect(after.judgements[0]).toMatchObject({ finding: 'They are friends, not brothers.', sources: ['https://example.org/two-soldiers', 'https://example.org/more'] }) // prettier-ignore
    expect(revalidatedPaths()).toEqual(['/', '/curated/_featured', `/curated/${FEATURED_LIST.slug}`, '/films/two-soldiers']) // prettier-ignore
    const [change] = await curatorHistory(1, db)
    expect(change).toMatchObject({ kind: 'correction', summary: 'Edited the judgement of “two brothers, one a soldier and the other a civilian”: They are friends, not brothers.' }) // prettier-ignore
  })

  it('refuses sources that are not web addresses and an empty text', async () => {
    await signInAs(curator)
    const list = await listForCuration(FEATURED_LIST.slug, db)
    const id = String(list!.entries[0]!.judgements[0]!.id)
    expect(
      await saveJudgement(
        null,
        form({ correction: id, finding: '', sources: 'javascript:alert(1)' }),
      ),
    ).toMatchObject({
      // prettier-ignore
      ok: false,
      fieldErrors: { finding: [curationMessages.findingMissing], sources: [curationMessages.sourcesBad] }, // prettier-ignore
    })
    expect(await saveJudgement(null, form({ correction: '999999', finding: 'x' }))).toMatchObject({ ok: false, message: curationMessages.correctionMissing }) // prettier-ignore
  })

  it('adds a judgement only when its claim quotes the entry word for word', async () => {
    await signInAs(curator)
    const list = await listForCuration('war-films-from-everywhere', db)
    const cross = list!.entries.find((e) => e.listedTitle === 'Cross of Iron')!
    const fields = { entry: String(cross.id), field: 'fact', verdict: 'corrected', finding: 'Peckinpah also made other war scenes.', sources: '' } // prettier-ignore
    expect(await addEntryJudgement(null, form({ ...fields, claim: 'his only war film' }))).toMatchObject({ ok: false, fieldErrors: { claim: [curationMessages.claimNotInText] } }) // prettier-ignore
    expect(await addEntryJudgement(null, form({ ...fields, claim: "Sam Peckinpah's only war film" }))).toEqual({ ok: true, message: curationMessages.added }) // prettier-ignore
    const view = await findCuratedList('war-films-from-everywhere', db)
    expect(view!.entries[1]!.corrections.map((c) => c.finding)).toEqual(['Peckinpah also made other war scenes.']) // prettier-ignore
    const history = await db.select().from(curatorChanges).orderBy(asc(curatorChanges.id))
    expect(history.at(-1)).toMatchObject({ kind: 'correction', username: curator.username })
  })
})
