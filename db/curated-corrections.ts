import 'server-only'
import { asc, count, eq, max } from 'drizzle-orm'
import { getDb, type Database } from './client'
import type { Executor } from './executor'
import { corrections, curatedEntries, curatedLists, films, type CorrectionVerdict } from './schema'

export type JudgementView = {
  id: number
  field: string
  verdict: CorrectionVerdict
  claim: string
  finding: string
  sources: string[]
}

export type ListForCuration = {
  slug: string
  title: string
  introduction: string
  judgements: JudgementView[]
  entries: {
    id: number
    position: number
    listedTitle: string
    listedYear: string
    description: string
    fact: string
    film: { slug: string; title: string } | null
    judgements: JudgementView[]
  }[]
}

/** Every curated list with its number of entries, for the curator's overview. */
export async function curatedListSummaries(db: Database = getDb()) {
  return db
    .select({
      slug: curatedLists.slug,
      title: curatedLists.title,
      entries: count(curatedEntries.id),
    }) // prettier-ignore
    .from(curatedLists)
    .leftJoin(curatedEntries, eq(curatedEntries.listId, curatedLists.id))
    .groupBy(curatedLists.id)
    .orderBy(asc(curatedLists.title))
}

/** A curated list as the curator edits it: every entry with every judgement and its id. */
export async function listForCuration(
  slug: string,
  db: Database = getDb(),
): Promise<ListForCuration | null> {
  const [list] = await db.select().from(curatedLists).where(eq(curatedLists.slug, slug))
  if (!list) return null
  const entries = await db
    .select({
      id: curatedEntries.id,
      position: curatedEntries.position,
      listedTitle: curatedEntries.listedTitle,
      listedYear: curatedEntries.listedYear,
      description: curatedEntries.description,
      fact: curatedEntries.fact,
      filmSlug: films.slug,
      filmTitle: films.title,
    })
    .from(curatedEntries)
    .leftJoin(films, eq(films.id, curatedEntries.filmId))
    .where(eq(curatedEntries.listId, list.id))
    .orderBy(asc(curatedEntries.position))
  const judgements = await db
    .select()
    .from(corrections)
    .where(eq(corrections.listId, list.id))
    .orderBy(asc(corrections.position))
  const view = (j: (typeof judgements)[number]): JudgementView => ({
    id: j.id,
    field: j.field,
    verdict: j.verdict,
    claim: j.claim,
    finding: j.finding,
    sources: j.sources,
  })
  return {
    slug: list.slug,
    title: list.title,
    introduction: list.introduction,
    judgements: judgements.filter((j) => j.entryId === null).map(view),
    entries: entries.map(({ filmSlug, filmTitle, ...entry }) => ({
      ...entry,
      film: filmSlug && filmTitle ? { slug: filmSlug, title: filmTitle } : null,
      judgements: judgements.filter((j) => j.entryId === entry.id).map(view),
    })),
  }
}

/** What a change to a judgement shows on: its list's page and its film's page. */
export type JudgedPlace = { listSlug: string; listTitle: string; filmSlug: string | null }

async function placeOfEntry(entryId: number, db: Executor) {
  const [row] = await db
    .select({
      listId: curatedLists.id,
      listSlug: curatedLists.slug,
      listTitle: curatedLists.title,
      filmSlug: films.slug,
      listedTitle: curatedEntries.listedTitle,
      listedYear: curatedEntries.listedYear,
      description: curatedEntries.description,
      fact: curatedEntries.fact,
    })
    .from(curatedEntries)
    .innerJoin(curatedLists, eq(curatedLists.id, curatedEntries.listId))
    .leftJoin(films, eq(films.id, curatedEntries.filmId))
    .where(eq(curatedEntries.id, entryId))
  return row ?? null
}

/** Rewrites a judgement's finding and sources; null when it no longer exists. */
export async function updateJudgement(
  id: number,
  change: { finding: string; sources: string[] },
  db: Executor,
): Promise<(JudgedPlace & { claim: string }) | null> {
  const [row] = await db
    .update(corrections)
    .set(change)
    .where(eq(corrections.id, id))
    .returning({ listId: corrections.listId, entryId: corrections.entryId, claim: corrections.claim }) // prettier-ignore
  if (!row) return null
  const [list] = await db
    .select({ slug: curatedLists.slug, title: curatedLists.title })
    .from(curatedLists)
    .where(eq(curatedLists.id, row.listId))
  const place = row.entryId === null ? null : await placeOfEntry(row.entryId, db)
  return { listSlug: list!.slug, listTitle: list!.title, filmSlug: place?.filmSlug ?? null, claim: row.claim } // prettier-ignore
}

export type NewJudgement = {
  field: 'title' | 'year' | 'description' | 'fact'
  verdict: CorrectionVerdict
  claim: string
  finding: string
  sources: string[]
}

/**
 * Adds a judgement to an entry. Its claim must quote the entry's text for that field word for
 * word, so that it is shown only beside the text it judges (and dropped when that text goes).
 */
export async function addJudgement(
  entryId: number,
  judgement: NewJudgement,
  db: Executor,
): Promise<JudgedPlace | { missing: 'entry' } | { missing: 'claim' }> {
  const place = await placeOfEntry(entryId, db)
  if (!place) return { missing: 'entry' }
  const texts = {
    title: place.listedTitle,
    year: `${place.listedTitle} (${place.listedYear})`,
    description: place.description,
    fact: place.fact,
  }
  const squeeze = (text: string) => text.replace(/\s+/g, ' ')
  if (!squeeze(texts[judgement.field]).includes(squeeze(judgement.claim))) {
    return { missing: 'claim' }
  }
  const [last] = await db
    .select({ position: max(corrections.position) })
    .from(corrections)
    .where(eq(corrections.listId, place.listId))
  await db.insert(corrections).values({
    listId: place.listId,
    entryId,
    ...judgement,
    relatedFilmId: null,
    position: (last?.position ?? -1) + 1,
  })
  return { listSlug: place.listSlug, listTitle: place.listTitle, filmSlug: place.filmSlug }
}
