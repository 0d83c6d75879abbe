import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { logViewing, setWatched } from '@/db/diary'
import { addToList, saveEntryNote } from '@/db/list-entries'
import { createList } from '@/db/lists'
import { memberExport, type MemberExport } from '@/db/member-export'
import { saveRating } from '@/db/ratings'
import { addToWatchlist } from '@/db/watchlist'
import { exportZip } from '@/lib/letterboxd/export-zip'
import { createTestDatabase } from '../helpers/test-db'
import { catalogueIds, personMaker } from '../helpers/people'
import { importUpload } from '../helpers/letterboxd'

// Our own export, imported into a new account, gives back the same ratings, diary, reviews,
// watchlist and lists; importing it again changes nothing.
const db = await createTestDatabase({ seed: 'ten' })
const { filmId } = await catalogueIds(db)
const newPerson = personMaker(db, 'exporter')
const SITE = 'https://kinofront.example'

const entry = (fields: Partial<Parameters<typeof logViewing>[1]> & { filmId: number }) => ({
  watchedOn: '2026-11-20',
  score: null,
  review: null,
  spoilers: false,
  rewatch: false,
  tags: [],
  ...fields,
})

async function fillAccount() {
  const ann = await newPerson()
  const [cranes, ascent, ballad, come] = ['the-cranes-are-flying', 'the-ascent', 'ballad-of-a-soldier', 'come-and-see'].map(filmId) // prettier-ignore
  await saveRating(ann, { filmId: cranes!, score: 9 }, db)
  await saveRating(ann, { filmId: ascent!, score: 1 }, db)
  await logViewing(ann, entry({ filmId: cranes!, score: 9, tags: ['moscow', 'black and white'], review: 'First, "quoted" line.\n\nSecond paragraph, with commas.', spoilers: true }), db) // prettier-ignore
  await logViewing(ann, entry({ filmId: cranes!, watchedOn: '2026-11-25', rewatch: true, review: '=HYPERLINK("http://evil.example") and -1' }), db) // prettier-ignore
  await logViewing(ann, entry({ filmId: ascent!, watchedOn: '2025-02-01', score: 1 }), db)
  await setWatched(ann, { filmId: ballad!, watched: true }, db)
  await addToWatchlist(ann, { filmId: come! }, db)
  const list = await createList(ann, { title: 'Front, and home front', description: '@first\n\nsecond paragraph', visibility: 'public' }, db) // prettier-ignore
  await addToList(ann, { listId: list.id, filmId: ascent! }, db)
  await addToList(ann, { listId: list.id, filmId: cranes! }, db)
  await saveEntryNote(ann, { listId: list.id, filmId: cranes!, note: '+ a note' }, db)
  await createList(ann, { title: 'Empty for now', description: '', visibility: 'private' }, db)
  return ann
}

/** The export with what an import cannot carry left out: times of day, and who owns it. */
function comparable(data: MemberExport) {
  const day = (date: Date) => date.toISOString().slice(0, 10)
  return {
    watched: data.watched.map((w) => ({ ...w, date: day(w.date) })).sort((a, b) => a.film.slug.localeCompare(b.film.slug)), // prettier-ignore
    ratings: data.ratings.map((r) => ({ ...r, date: day(r.date) })).sort((a, b) => a.film.slug.localeCompare(b.film.slug)), // prettier-ignore
    diary: data.diary.map((e) => ({ ...e, loggedAt: day(e.loggedAt) })),
    watchlist: data.watchlist.map((w) => ({ ...w, date: day(w.date) })),
    lists: data.lists.map((l) => ({ ...l, createdAt: day(l.createdAt) })),
  }
}

describe('the Letterboxd round trip', () => {
  it('reproduces ratings, diary, reviews, watched films, watchlist and lists exactly', async () => {
    const ann = await fillAccount()
    const original = await memberExport(ann, db)
    expect(original.diary).toHaveLength(3)
    const zip = exportZip(original, SITE)

    const ben = await newPerson()
    const first = await importUpload(ben, 'letterboxd.zip', zip, db)
    expect(first.resolved.notInCatalogue).toEqual([])
    expect(first.applied.counts).toEqual({ ratings: 2, diary: 3, reviews: 2, watched: 3, watchlist: 1, lists: 2 }) // prettier-ignore
    const imported = await memberExport(ben, db)
    expect(comparable(imported)).toEqual(comparable(original))

    const again = await importUpload(ben, 'letterboxd.zip', zip, db)
    expect(again.applied.counts).toEqual({ ratings: 0, diary: 0, reviews: 0, watched: 0, watchlist: 0, lists: 0 }) // prettier-ignore
    expect(comparable(await memberExport(ben, db))).toEqual(comparable(original))
  })

  it('writes Letterboxd’s files and columns, our film URL, and neutralises formula cells', async () => {
    const cat = await fillAccount()
    const files = unzipSync(exportZip(await memberExport(cat, db), SITE))
    const text = (name: string) => strFromU8(files[name]!)
    expect(Object.keys(files).sort()).toEqual([
      'diary.csv',
      'lists/empty-for-now.csv',
      'lists/front-and-home-front.csv',
      'ratings.csv',
      'reviews.csv',
      'watched.csv',
      'watchlist.csv',
    ])
    expect(text('watched.csv').split('\n')[0]).toBe('Date,Name,Year,Letterboxd URI')
    expect(text('ratings.csv')).toContain(
      `,The Cranes Are Flying,1957,${SITE}/films/the-cranes-are-flying,4.5\n`,
    )
    expect(text('diary.csv').split('\n')[0]).toBe('Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date') // prettier-ignore
    expect(text('diary.csv')).toContain(`,4.5,,"moscow, black and white",2026-11-20\n`)
    expect(text('reviews.csv').split('\n')[0]).toBe('Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date,Spoilers') // prettier-ignore
    expect(text('reviews.csv')).toContain(
      `,Yes,"'=HYPERLINK(""http://evil.example"") and -1",,2026-11-25,\n`,
    )
    const list = text('lists/front-and-home-front.csv').split('\n')
    expect(list.slice(0, 2)).toEqual([
      'Letterboxd list export v7',
      'Date,Name,Tags,URL,Description',
    ])
    expect(list[2]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d,"Front, and home front",,${SITE}/u/${cat.username}/lists/front-and-home-front,"'@first$`)) // prettier-ignore
    expect(list.slice(5)).toEqual([
      '',
      'Position,Name,Year,URL,Description',
      `1,The Ascent,1977,${SITE}/films/the-ascent,`,
      `2,The Cranes Are Flying,1957,${SITE}/films/the-cranes-are-flying,'+ a note`,
      '',
    ])
  })
})
