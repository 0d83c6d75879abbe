import 'server-only'
import { and, eq, inArray, isNotNull, max, sql } from 'drizzle-orm'
import type { ImportReport, Resolved } from './curated-import'
import { descriptionFitter } from './description-fit'
import type { Executor } from './executor'
import { filmYears, type FilmMatcher } from './film-matcher'
import { corrections, curatedEntries } from './schema'

/**
 * Judges the list's entries against the catalogue's own facts: a listed year the catalogue
 * contradicts, and a description that fits another catalogue film better. A flag is added only
 * where nobody has judged that field of that entry yet; returns how many were added.
 */
export async function catalogueFlags(
  listId: number,
  resolved: Resolved[],
  entryIds: number[],
  matcher: FilmMatcher,
  report: ImportReport,
  db: Executor,
): Promise<number> {
  const judged = new Set(
    (
      await db
        .select({ entryId: corrections.entryId, field: corrections.field })
        .from(corrections)
        .where(inArray(corrections.entryId, entryIds.length > 0 ? entryIds : [-1]))
    ).map((j) => `${j.entryId}:${j.field}`),
  )
  const betterFit = descriptionFitter(matcher.films, await knownDescriptions(db))
  const [last] = await db
    .select({ position: max(corrections.position) })
    .from(corrections)
    .where(eq(corrections.listId, listId))
  let position = (last?.position ?? -1) + 1
  let added = 0

  for (const [i, { entry, film }] of resolved.entries()) {
    const entryId = entryIds[i]!
    if (!film) continue
    const flags = []
    if (!judged.has(`${entryId}:year`) && (film.yearStart !== entry.yearStart || film.yearEnd !== entry.yearEnd)) {
      flags.push({
        field: 'year',
        claim: `${entry.title} (${entry.yearText})`,
        finding: `The catalogue dates ${film.title} ${filmYears(film)}, not ${entry.yearText}.`,
        relatedFilmId: null,
      })
    } // prettier-ignore
    const fit = judged.has(`${entryId}:description`) ? null : betterFit(entry.description, film.id)
    if (fit) {
      const other = `${fit.film.title} (${filmYears(fit.film)})`
      flags.push({
        field: 'description',
        claim: entry.description,
        finding: `This description may describe ${other} rather than ${film.title}.`,
        relatedFilmId: fit.film.id,
      })
      report.warnings.push(`line ${entry.line}: the description of "${entry.title}" may describe ${other}`) // prettier-ignore
    }
    for (const flag of flags) {
      await db.insert(corrections).values({
        listId,
        entryId,
        verdict: 'corrected',
        sources: [],
        position: position++,
        ...flag,
      })
      added++
    }
  }
  return added
}

/** Descriptions lists give their films, leaving out those already judged wrong. */
function knownDescriptions(db: Executor) {
  return db
    .select({
      filmId: sql<number>`${curatedEntries.filmId}`,
      description: curatedEntries.description,
    })
    .from(curatedEntries)
    .where(
      and(
        isNotNull(curatedEntries.filmId),
        sql`not exists (select 1 from ${corrections} where ${corrections.entryId} = ${curatedEntries.id} and ${corrections.field} = 'description' and ${corrections.verdict} = 'corrected')`,
      ),
    )
}
