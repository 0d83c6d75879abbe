import { stringify } from 'csv-stringify/sync'
import { strToU8, zipSync } from 'fflate'
import type { ExportFilm, MemberExport } from '@/db/member-export'
import {
  COLUMNS,
  dayOf,
  LIST_COLUMNS,
  LIST_ENTRY_COLUMNS,
  LIST_HEADER_LINE,
  neutralise,
  ratingCell,
} from './columns'

// A member's data as a ZIP in Letterboxd's layout. Our film URL stands where Letterboxd puts its
// own, so that an import (ours or another site's) can match each row exactly.

const csv = (header: readonly string[], rows: string[][]) =>
  stringify([[...header], ...rows.map((row) => row.map(neutralise))], { record_delimiter: '\n' })

const filmCells = (film: ExportFilm, siteUrl: string) => [
  film.title,
  String(film.year),
  `${siteUrl}/films/${film.slug}`,
]

export function exportFiles(data: MemberExport, siteUrl: string): Record<string, string> {
  const cells = (film: ExportFilm) => filmCells(film, siteUrl)
  const reviews = data.diary.filter((entry) => entry.review !== null)
  const files: Record<string, string> = {
    'watched.csv': csv(
      COLUMNS['watched.csv'],
      data.watched.map((row) => [dayOf(row.date), ...cells(row.film)]),
    ),
    'ratings.csv': csv(
      COLUMNS['ratings.csv'],
      data.ratings.map((row) => [dayOf(row.date), ...cells(row.film), ratingCell(row.score)]),
    ),
    'diary.csv': csv(
      COLUMNS['diary.csv'],
      data.diary.map((e) => [
        dayOf(e.loggedAt),
        ...cells(e.film),
        ratingCell(e.score),
        e.rewatch ? 'Yes' : '',
        e.tags.join(', '),
        e.watchedOn,
      ]),
    ),
    'reviews.csv': csv(
      COLUMNS['reviews.csv'],
      reviews.map((e) => [
        dayOf(e.loggedAt),
        ...cells(e.film),
        ratingCell(e.score),
        e.rewatch ? 'Yes' : '',
        e.review ?? '',
        e.tags.join(', '),
        e.watchedOn,
        e.spoilers ? 'Yes' : '',
      ]),
    ),
    'watchlist.csv': csv(
      COLUMNS['watchlist.csv'],
      data.watchlist.map((row) => [dayOf(row.date), ...cells(row.film)]),
    ),
  }
  for (const list of data.lists) {
    const url = data.username ? `${siteUrl}/u/${data.username}/lists/${list.slug}` : ''
    files[`lists/${list.slug}.csv`] = [
      `${LIST_HEADER_LINE}\n`,
      csv(LIST_COLUMNS, [[dayOf(list.createdAt), list.title, '', url, list.description]]),
      '\n',
      csv(
        LIST_ENTRY_COLUMNS,
        list.entries.map((entry, i) => [String(i + 1), ...cells(entry.film), entry.note]),
      ),
    ].join('')
  }
  return files
}

/** The export as ZIP bytes, each file deflated. */
export function exportZip(data: MemberExport, siteUrl: string): Uint8Array {
  const files = exportFiles(data, siteUrl)
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
  )
}
