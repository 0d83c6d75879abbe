import 'server-only'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { listSlugSchema } from '@/lib/rules/curated'
import type { Database } from './client'
import { decodeListFile } from './curated-list-file'
import { parseCuratedList, type ParsedEntry, type ParsedList } from './curated-list-parser'
import { catalogueFlags } from './curated-flags'
import type { Executor } from './executor'
import { filmYears, loadFilmMatcher, type CatalogueFilm, type FilmMatcher } from './film-matcher'
import { refreshFilmSearchRow } from './film-search-index'
import { corrections, curatedEntries, curatedLists, films } from './schema'
import { sortTitle } from './search-text'
import { latinSlug, titleKey } from './title-key'

export type ImportReport = {
  /** The list's slug, for saying what changed. */
  list: string
  entries: number
  added: number
  changed: number
  unchanged: number
  removed: number
  createdFilms: string[]
  /** Entries kept as text because their film is not in the catalogue. */
  notInCatalogue: string[]
  /** Judgements dropped because the text they judged changed. */
  droppedJudgements: number
  warnings: string[]
  /** Slugs of the films whose pages show this list, before or after, when anything changed. */
  changedFilms: string[]
  /** Each entry of the file, what it matched and what importing it does to the list. */
  rows: ReportRow[]
  /** Listed titles of the entries the import takes off the list. */
  removedTitles: string[]
}

export type ReportRow = {
  line: number
  listedTitle: string
  listedYear: string
  film: { slug: string; title: string } | null
  change: 'added' | 'changed' | 'unchanged'
}

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; errors: string[] }

export type ImportTarget = {
  slug: string
  title: string
  /** Create a bare catalogue film for a title the catalogue lacks, instead of keeping text only. */
  createFilms?: boolean
  /** Called in the import's transaction once it has applied, e.g. to record who imported it. */
  onApplied?: (report: ImportReport, tx: Executor) => Promise<void>
}

/** Rolls the transaction back with messages meant for the person importing. */
class ImportRejected extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'))
  }
}

/** Rolls back a preview, carrying what the import would have done. */
class PreviewDone extends Error {
  constructor(readonly report: ImportReport) {
    super('preview')
  }
}

/**
 * Imports a curated list file (its bytes, or text already decoded) into the list `target.slug`,
 * all or nothing. Entries are keyed by their film, or by their title when the film is not in the
 * catalogue, so importing an edited file updates entries in place.
 */
export async function importCuratedList(
  source: string | Uint8Array,
  target: ImportTarget,
  db: Database,
): Promise<ImportResult> {
  return run(source, target, db, { preview: false })
}

/** What importing the file would do, without changing anything. */
export async function previewCuratedList(
  source: string | Uint8Array,
  target: ImportTarget,
  db: Database,
): Promise<ImportResult> {
  return run(source, target, db, { preview: true })
}

async function run(
  source: string | Uint8Array,
  target: ImportTarget,
  db: Database,
  { preview }: { preview: boolean },
): Promise<ImportResult> {
  const slug = listSlugSchema.safeParse(target.slug)
  if (!slug.success) {
    return { ok: false, errors: [`list slug "${target.slug}": ${slug.error.issues[0]!.message}`] }
  }
  const decoded = typeof source === 'string' ? { ok: true as const, text: source } : decodeListFile(source) // prettier-ignore
  if (!decoded.ok) return decoded
  const parsed = parseCuratedList(decoded.text)
  if (!parsed.ok) return parsed
  try {
    const report = await db.transaction(async (tx) => {
      const report = await applyCuratedList(parsed.list, { ...target, slug: slug.data }, tx)
      if (preview) throw new PreviewDone(report)
      await target.onApplied?.(report, tx)
      return report
    })
    return { ok: true, report }
  } catch (error) {
    if (error instanceof PreviewDone) return { ok: true, report: error.report }
    if (error instanceof ImportRejected) return { ok: false, errors: error.errors }
    throw error
  }
}

/** A list slug made from a title, in Latin letters: "Фильмы о партизанах" → "filmy-o-partizanakh". */
export function listSlugFromTitle(title: string): string {
  return latinSlug(title).slice(0, 80).replace(/-+$/, '')
}

export type Resolved = { entry: ParsedEntry; film: CatalogueFilm | null; key: string }

export async function applyCuratedList(
  list: ParsedList,
  target: ImportTarget,
  db: Executor,
): Promise<ImportReport> {
  const report: ImportReport = {
    list: target.slug,
    entries: list.entries.length,
    added: 0,
    changed: 0,
    unchanged: 0,
    removed: 0,
    createdFilms: [],
    notInCatalogue: [],
    droppedJudgements: 0,
    warnings: [...list.warnings],
    changedFilms: [],
    rows: [],
    removedTitles: [],
  }
  const matcher = await loadFilmMatcher(db)
  const resolved = await resolveEntries(list.entries, matcher, target, report, db)

  const title = list.title ?? target.title
  const [before] = await db.select().from(curatedLists).where(eq(curatedLists.slug, target.slug))
  const listId = await upsertList(target.slug, title, list.introduction, db)
  const existing = await db.select().from(curatedEntries).where(eq(curatedEntries.listId, listId))
  const introductionChanged = !before || before.introduction !== list.introduction
  // A judgement of the introduction may count the entries ("promises 10 films, but has 9").
  const countChanged = existing.length !== list.entries.length
  if (before && (introductionChanged || countChanged)) {
    const texts = { introduction: list.introduction }
    report.droppedJudgements += await dropJudgements(listId, null, texts, db, { all: countChanged })
  }

  const byKey = new Map(existing.map((row) => [entryKey(row.filmId, row.listedTitle), row]))
  const entryIds: number[] = []
  for (const [position, { entry, film, key }] of resolved.entries()) {
    const values = {
      position,
      listedTitle: entry.title,
      listedYear: entry.yearText,
      description: entry.description,
      fact: entry.fact,
    }
    const row = byKey.get(key)
    byKey.delete(key)
    const reported = {
      line: entry.line,
      listedTitle: entry.title,
      listedYear: entry.yearText,
      film: film && { slug: film.slug, title: film.title },
    }
    if (!row) {
      report.rows.push({ ...reported, change: 'added' })
      const [inserted] = await db
        .insert(curatedEntries)
        .values({ listId, filmId: film?.id ?? null, ...values })
        .returning({ id: curatedEntries.id })
      entryIds.push(inserted!.id)
      report.added++
      continue
    }
    entryIds.push(row.id)
    const textChanged = entryTextChanged(row, values)
    if (!textChanged && row.position === position) {
      report.rows.push({ ...reported, change: 'unchanged' })
      report.unchanged++
      continue
    }
    report.rows.push({ ...reported, change: 'changed' })
    await db.update(curatedEntries).set(values).where(eq(curatedEntries.id, row.id))
    if (textChanged) {
      report.droppedJudgements += await dropJudgements(listId, row.id, judgedTexts(values), db)
    }
    report.changed++
  }
  for (const stale of byKey.values()) {
    await db.delete(curatedEntries).where(eq(curatedEntries.id, stale.id))
    report.removedTitles.push(stale.listedTitle)
    report.removed++
  }

  const flagged = await catalogueFlags(listId, resolved, entryIds, matcher, report, db)
  const listChanged = !before || before.title !== title || introductionChanged || countChanged
  if (listChanged || report.added + report.changed + report.removed + flagged > 0) {
    const filmIds = [...existing.map((e) => e.filmId), ...resolved.map((r) => r.film?.id ?? null)]
    report.changedFilms = [
      ...new Set(
        filmIds
          .filter((id): id is number => id !== null)
          .map((id) => matcher.films.find((f) => f.id === id)!.slug),
      ),
    ]
  }
  return report
}

const entryKey = (filmId: number | null, listedTitle: string) =>
  filmId === null ? `title:${titleKey(listedTitle)}` : `film:${filmId}`

type EntryText = { listedTitle: string; listedYear: string; description: string; fact: string }

/** The text of each judged field of an entry, as the claims quote it. */
function judgedTexts(entry: EntryText): Record<string, string> {
  return {
    title: entry.listedTitle,
    year: `${entry.listedTitle} (${entry.listedYear})`,
    description: entry.description,
    fact: entry.fact,
  }
}

/** Whether any judged text of an entry changed. */
function entryTextChanged(row: EntryText, next: EntryText): boolean {
  const [a, b] = [judgedTexts(row), judgedTexts(next)]
  return Object.keys(a).some((field) => a[field] !== b[field])
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Drops the judgements of an entry (or, with no entry, of the list's introduction) whose claim
 * the new text no longer contains word for word: a correction or a "Verified" mark is only ever
 * shown beside the text it judged. Returns how many were dropped.
 */
async function dropJudgements(
  listId: number,
  entryId: number | null,
  texts: Record<string, string>,
  db: Executor,
  { all = false } = {},
): Promise<number> {
  const judgements = await db
    .select({ id: corrections.id, field: corrections.field, claim: corrections.claim })
    .from(corrections)
    .where(
      and(
        eq(corrections.listId, listId),
        entryId === null ? isNull(corrections.entryId) : eq(corrections.entryId, entryId),
      ),
    )
  const outdated = judgements.filter(({ field, claim }) => {
    const text = texts[field]
    return text !== undefined && (all || !squeeze(text).includes(squeeze(claim)))
  })
  if (outdated.length === 0) return 0
  await db.delete(corrections).where(inArray(corrections.id, outdated.map((j) => j.id))) // prettier-ignore
  return outdated.length
}

async function resolveEntries(
  entries: ParsedEntry[],
  matcher: FilmMatcher,
  target: ImportTarget,
  report: ImportReport,
  db: Executor,
): Promise<Resolved[]> {
  const errors: string[] = []
  const resolved: Resolved[] = []
  const firstLine = new Map<string, number>()
  for (const entry of entries) {
    const match = matcher.match(entry.title, entry.yearStart, entry.yearEnd)
    let film: CatalogueFilm | null = null
    if (match.kind === 'ambiguous') {
      const names = match.films.map((f) => `${f.title} (${filmYears(f)}, /films/${f.slug})`)
      errors.push(`line ${entry.line}: "${entry.title}" fits ${match.films.length} films: ${names.join(' and ')}; write the title or the year of the one you mean`) // prettier-ignore
      continue
    } else if (match.kind === 'film') {
      film = match.film
      if (film.yearStart !== entry.yearStart || film.yearEnd !== entry.yearEnd) {
        report.warnings.push(`line ${entry.line}: "${entry.title}" is listed as ${entry.yearText}; the catalogue has ${filmYears(film)}`) // prettier-ignore
      }
    } else if (target.createFilms) {
      film = await createFilm(entry, db)
      if (!film) {
        errors.push(`line ${entry.line}: "${entry.title}" has no letters or digits to make a film's address from`) // prettier-ignore
        continue
      }
      matcher.add(film)
      report.createdFilms.push(film.slug)
    } else {
      report.notInCatalogue.push(`line ${entry.line}: "${entry.title} (${entry.yearText})"`)
    }
    const key = entryKey(film?.id ?? null, entry.title)
    const earlier = firstLine.get(key)
    if (earlier !== undefined) {
      errors.push(`line ${entry.line}: "${entry.title}" is the same film as line ${earlier}`)
    }
    firstLine.set(key, entry.line)
    resolved.push({ entry, film, key })
  }
  if (errors.length > 0) throw new ImportRejected(errors)
  return resolved
}

async function upsertList(slug: string, title: string, introduction: string, db: Executor) {
  const [row] = await db
    .insert(curatedLists)
    .values({ slug, title, introduction })
    .onConflictDoUpdate({ target: curatedLists.slug, set: { title, introduction } })
    .returning({ id: curatedLists.id })
  return row!.id
}

/** A bare film for a title the catalogue lacks, only when the curator asked for it. */
async function createFilm(entry: ParsedEntry, db: Executor): Promise<CatalogueFilm | null> {
  const slug = latinSlug(entry.title).slice(0, 100).replace(/-+$/, '')
  if (slug === '') return null
  const [created] = await db
    .insert(films)
    .values({
      slug,
      title: entry.title,
      yearStart: entry.yearStart,
      yearEnd: entry.yearEnd,
      sortTitle: sortTitle(entry.title),
    })
    .returning({
      id: films.id,
      slug: films.slug,
      title: films.title,
      yearStart: films.yearStart,
      yearEnd: films.yearEnd,
      synopsis: films.synopsis,
    })
  await refreshFilmSearchRow(created!.id, db)
  return created!
}

export function describeReport(report: ImportReport): string {
  const parts = [`${report.added} added`, `${report.changed} changed`]
  if (report.unchanged > 0) parts.push(`${report.unchanged} unchanged`)
  if (report.removed > 0) parts.push(`${report.removed} removed`)
  if (report.notInCatalogue.length > 0) parts.push(`${report.notInCatalogue.length} not in our catalogue`) // prettier-ignore
  return `${report.entries} entries: ${parts.join(', ')}`
}
