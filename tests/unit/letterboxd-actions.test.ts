import { catalogueIds, personMaker } from '../helpers/people'
import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { diaryEntries, pendingImports, ratings, watchlistEntries } from '@/db/schema'
import { CHECK_FIELDS } from '@/lib/action-result'
import { importMessages } from '@/lib/rules/letterboxd'
import { databaseForActions, form, signInAs } from '../helpers/server-actions'
import { zipOf } from '../helpers/letterboxd'

// Previewing and applying an import through the actions, as the /settings/data forms post them.
const db = await databaseForActions()
const { previewImport, applyImport } = await import('@/app/actions/letterboxd')
await catalogueIds(db)
const newPerson = personMaker(db, 'importer')

const upload = (name: string, bytes: Uint8Array) => {
  const data = new FormData()
  data.append('file', new File([Buffer.from(bytes)], name))
  return previewImport(null, data)
}
const rowsOf = async (userId: string) => {
  const n = async (table: typeof ratings | typeof diaryEntries | typeof watchlistEntries) =>
    (await db.select({ n: count() }).from(table).where(eq(table.userId, userId)))[0]!.n
  return { ratings: await n(ratings), diary: await n(diaryEntries), watchlist: await n(watchlistEntries) } // prettier-ignore
}

const EXPORT = zipOf({
  'ratings.csv': 'Date,Name,Year,Letterboxd URI,Rating\n2024-03-01,The Cranes Are Flying,1957,https://boxd.it/abc,4.5\n2024-03-02,Solaris,1972,https://boxd.it/def,5\n', // prettier-ignore
  'diary.csv': 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-03-01,Летят журавли,1958,https://boxd.it/ghi,4.5,,,2024-02-29\n', // prettier-ignore
  'reviews.csv': 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n2024-03-01,Летят журавли,1958,https://boxd.it/ghi,4.5,,"Veronika runs.",,2024-02-29\n', // prettier-ignore
  'watchlist.csv': 'Date,Name,Year,Letterboxd URI\n2024-01-01,The Ascent,1977,https://boxd.it/jkl\n2024-01-02,Not A Real Film,1950,https://boxd.it/zzz\n', // prettier-ignore
  'profile.csv': 'Username\nsomeone\n',
})

describe('previewing and importing', () => {
  it('previews what would be added and what matches no film, then imports it once', async () => {
    const ann = await newPerson()
    await signInAs(ann)
    const preview = await upload('letterboxd-ann.zip', EXPORT)
    if (!preview.ok) throw new Error(preview.message)
    expect(preview.preview).toMatchObject({
      fileName: 'letterboxd-ann.zip',
      counts: { ratings: 1, diary: 1, reviews: 1, watched: 0, watchlist: 1, lists: 0 },
      notInCatalogue: [
        { file: 'ratings.csv', row: 3, name: 'Solaris', year: 1972 },
        { file: 'watchlist.csv', row: 3, name: 'Not A Real Film', year: 1950 },
      ],
      yearOff: [
        { file: 'diary.csv', row: 2, name: 'Летят журавли', year: 1958, matched: { title: 'The Cranes Are Flying', year: 1957 } }, // prettier-ignore
        { file: 'reviews.csv', row: 2, name: 'Летят журавли', year: 1958, matched: { title: 'The Cranes Are Flying', year: 1957 } }, // prettier-ignore
      ],
    })
    expect(await rowsOf(ann.id)).toEqual({ ratings: 0, diary: 0, watchlist: 0 })

    const importId = preview.preview.importId
    const applied = await applyImport(null, form({ importId }))
    expect(applied).toMatchObject({ ok: true, message: 'Imported 1 rating, 1 diary entry, 1 review, 0 watched films, 1 film on your watchlist, 0 lists.' }) // prettier-ignore
    expect(await rowsOf(ann.id)).toEqual({ ratings: 1, diary: 1, watchlist: 1 })
    expect(await applyImport(null, form({ importId }))).toMatchObject({ ok: false, message: importMessages.expired }) // prettier-ignore

    const again = await upload('letterboxd-ann.zip', EXPORT)
    if (!again.ok) throw new Error(again.message)
    expect(again.preview.counts).toEqual({ ratings: 0, diary: 0, reviews: 0, watched: 0, watchlist: 0, lists: 0 }) // prettier-ignore
    expect(await applyImport(null, form({ importId: again.preview.importId }))).toMatchObject({ ok: true, message: importMessages.nothingNew }) // prettier-ignore
    expect(await rowsOf(ann.id)).toEqual({ ratings: 1, diary: 1, watchlist: 1 })
  })

  it('never applies someone else’s preview', async () => {
    const ben = await newPerson()
    await signInAs(ben)
    const preview = await upload('export.zip', EXPORT)
    if (!preview.ok) throw new Error(preview.message)
    await signInAs(await newPerson())
    expect(await applyImport(null, form({ importId: preview.preview.importId }))).toMatchObject({ ok: false, message: importMessages.expired }) // prettier-ignore
    expect(await rowsOf(ben.id)).toEqual({ ratings: 0, diary: 0, watchlist: 0 })
  })

  it('refuses a bad file next to the file field, naming file and row, and writes nothing', async () => {
    const cat = await newPerson()
    await signInAs(cat)
    const bad = zipOf({ 'ratings.csv': 'Date,Name,Year,Letterboxd URI,Rating\n2024-03-01,The Ascent,1977,,4.5\n2024-03-01,The Ascent,1977,,6\n' }) // prettier-ignore
    expect(await upload('bad.zip', bad)).toMatchObject({
      ok: false,
      message: CHECK_FIELDS,
      fieldErrors: { file: ['ratings.csv, row 3: The Rating “6” is not a rating from 0.5 to 5 in half stars.'] }, // prettier-ignore
    })
    expect(await previewImport(null, new FormData())).toMatchObject({ ok: false, fieldErrors: { file: [importMessages.noFile] } }) // prettier-ignore
    expect(await db.select().from(pendingImports).where(eq(pendingImports.userId, cat.id))).toEqual([]) // prettier-ignore
    expect(await rowsOf(cat.id)).toEqual({ ratings: 0, diary: 0, watchlist: 0 })
  })
})
