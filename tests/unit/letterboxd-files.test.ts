import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { filmMatcher, titleKey } from '@/lib/letterboxd/match-films'
import { MAX_ROWS, parseExport } from '@/lib/letterboxd/parse-export'
import { MAX_UPLOAD_BYTES } from '@/lib/letterboxd/read-upload'
import { UPLOAD_TOO_LARGE } from '@/lib/letterboxd/upload-limit'
import { refusalOf, zipOf } from '../helpers/letterboxd'

const bytes = (text: string) => new TextEncoder().encode(text)
const DIARY_HEADER = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date'

describe('matching a row to a film', () => {
  const match = filmMatcher(
    [
      { id: 1, slug: 'the-cranes-are-flying', title: 'The Cranes Are Flying', yearStart: 1957, yearEnd: null, titles: ['The Cranes Are Flying', 'Летят журавли', 'Letyat zhuravli'] }, // prettier-ignore
      { id: 2, slug: 'liberation', title: 'Liberation', yearStart: 1970, yearEnd: 1971, titles: ['Liberation', 'Освобождение'] }, // prettier-ignore
      { id: 3, slug: 'a-sons-father', title: 'A Son’s Father', yearStart: 1960, yearEnd: null, titles: ['A Son’s Father'] }, // prettier-ignore
    ],
    [{ slug: 'cranes-old-slug', filmId: 1 }],
  )
  const film = (name: string, year: number | null, url = '') => match({ name, year, url })

  it('folds case, diacritics, a leading article and punctuation', () => {
    expect(titleKey('The Cranes Are Flying!')).toBe('cranes are flying')
    expect(titleKey('A Son’s Father')).toBe('sons father')
    expect(titleKey('  Летят   ЖУРАВЛИ ')).toBe('летят журавли')
  })

  it('matches by our URL first, an old slug too, whatever the name says', () => {
    expect(film('Something else', 2001, 'https://kinofront.example/films/liberation')?.filmId).toBe(
      2,
    )
    expect(film('x', null, 'http://localhost:3000/films/cranes-old-slug/')?.filmId).toBe(1)
  })

  it('matches by title and year: English, original and transliterated, ignoring case and articles', () => {
    expect(film('cranes are flying', 1957)).toMatchObject({ filmId: 1, yearOff: false })
    expect(film('Летят журавли', 1957)).toMatchObject({ filmId: 1, yearOff: false })
    expect(film('LETYAT ZHURAVLI', 1957)).toMatchObject({ filmId: 1, yearOff: false })
    expect(film('Son’s Father, A', 1960)).toBeNull()
    expect(film('Sons Father', 1960)).toMatchObject({ filmId: 3 })
    expect(film('Liberation', 1971)).toMatchObject({ filmId: 2, yearOff: false })
    expect(film('Liberation', 'https://letterboxd.com/film/liberation/'.length > 0 ? 1972 : 0)).toMatchObject({ filmId: 2, yearOff: true }) // prettier-ignore
  })

  it('matches a year off by one and flags it; further off, or another title, matches nothing', () => {
    expect(film('The Cranes Are Flying', 1958)).toEqual({ filmId: 1, title: 'The Cranes Are Flying', year: 1957, yearOff: true }) // prettier-ignore
    expect(film('The Cranes Are Flying', 1956)).toMatchObject({ yearOff: true })
    expect(film('The Cranes Are Flying', 1959)).toBeNull()
    expect(film('Cranes', 1957)).toBeNull()
  })
})

describe('bad files are refused with the file and row named', () => {
  it('a file that is neither a ZIP nor a CSV', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(refusalOf('poster.png', png)).toEqual({ file: 'poster.png', message: expect.stringContaining('neither a ZIP nor a CSV') }) // prettier-ignore
  })

  it('a CSV with an unknown column, or without a needed one', () => {
    expect(refusalOf('diary.csv', bytes(`${DIARY_HEADER},Mood\n`))).toEqual({ file: 'diary.csv', row: 1, message: expect.stringContaining('“Mood” is not one Kinofront knows') }) // prettier-ignore
    expect(refusalOf('ratings.csv', bytes('Date,Name,Year,Letterboxd URI\n'))).toEqual({ file: 'ratings.csv', row: 1, message: 'The column “Rating” is missing.' }) // prettier-ignore
  })

  it('a CSV whose name says nothing of what it holds', () => {
    expect(refusalOf('films.csv', bytes('Date,Name,Year\n'))?.message).toMatch(/named as Letterboxd names them/) // prettier-ignore
  })

  it('a file over 10 MB', () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61)
    expect(refusalOf('diary.csv', big)).toEqual({ file: 'diary.csv', message: UPLOAD_TOO_LARGE }) // prettier-ignore
  })

  it('more than 50,000 rows', () => {
    const row = '2026-01-01,The Ascent,1977,\n'
    const text = `Date,Name,Year,Letterboxd URI\n${row.repeat(MAX_ROWS + 1)}`
    expect(refusalOf('watchlist.csv', bytes(text))?.message).toBe('The export has more than 50,000 rows, more than one import takes.') // prettier-ignore
  })

  it.each([
    ['a date that is not a date', '2026-13-01,The Ascent,1977,,4,,,2026-12-01', 'The Date “2026-13-01” is not a date written as YYYY-MM-DD.'], // prettier-ignore
    ['a watched date in another format', '2026-01-01,The Ascent,1977,,4,,,01/02/2026', 'The Watched Date “01/02/2026” is not a date written as YYYY-MM-DD.'], // prettier-ignore
    ['a rating out of range', '2026-01-01,The Ascent,1977,,7,,,2026-01-01', 'The Rating “7” is not a rating from 0.5 to 5 in half stars.'], // prettier-ignore
    ['a rating between half stars', '2026-01-01,The Ascent,1977,,3.3,,,2026-01-01', 'The Rating “3.3” is not a rating from 0.5 to 5 in half stars.'], // prettier-ignore
    ['a year that is not one', '2026-01-01,The Ascent,nineteen,,4,,,2026-01-01', 'The Year “nineteen” is not a year.'], // prettier-ignore
  ])('%s', (_, line, message) => {
    const text = `${DIARY_HEADER}\n2026-01-01,The Ascent,1977,,4,,,2026-01-01\n${line}\n`
    expect(refusalOf('diary.csv', bytes(text))).toEqual({ file: 'diary.csv', row: 3, message })
  })

  it('a ZIP whose files declare more than 10 MB unpacked (a ZIP bomb)', () => {
    const bomb = zipSync({ 'diary.csv': new Uint8Array(11 * 1024 * 1024) })
    expect(bomb.length).toBeLessThan(100_000)
    expect(refusalOf('export.zip', bomb)).toEqual({ file: 'export.zip: diary.csv', message: expect.stringContaining('ZIP bomb') }) // prettier-ignore
  })

  it('a ZIP bomb that lies about its size is stopped while unpacking', () => {
    const bomb = zipSync({ 'diary.csv': new Uint8Array(12 * 1024 * 1024) })
    // The local header's uncompressed size (offset 22) now claims 100 bytes.
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(22, 100, true)
    expect(refusalOf('export.zip', bomb)).toEqual({ file: 'export.zip: diary.csv', message: expect.stringContaining('ZIP bomb') }) // prettier-ignore
  })

  it('a damaged ZIP, and a ZIP with nothing of an export in it', () => {
    const zip = zipOf({ 'diary.csv': `${DIARY_HEADER}\n`.repeat(200) })
    const damaged = zip.slice(0, 60)
    expect(refusalOf('export.zip', damaged)?.message).toMatch(/damaged|none of the files/)
    expect(refusalOf('export.zip', zipOf({ 'profile.csv': 'Username\nann\n' }))?.message).toMatch(/none of the files/) // prettier-ignore
  })

  it('a list file without its blank line, and a list file in a ZIP named by its row', () => {
    expect(refusalOf('lists/x.csv', bytes('Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2026-01-01,X,,,\n'))?.message).toMatch(/blank line/) // prettier-ignore
    const list = 'Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2026-01-01,X,,,\n\nPosition,Name,Year,URL,Description\n1,The Ascent,1977,,\nfirst,The Ascent,1977,,\n' // prettier-ignore
    expect(refusalOf('export.zip', zipOf({ 'lists/x.csv': list }))).toEqual({ file: 'lists/x.csv', row: 7, message: 'The Position “first” is not a number.' }) // prettier-ignore
  })

  it('accepts a good diary with a byte-order mark and a formula cell written safely', () => {
    const text = `\uFEFF${DIARY_HEADER}\n2026-01-01,The Ascent,1977,,4,Yes,"'=cmd, tag",2026-01-01\n`
    expect(refusalOf('diary.csv', bytes(text))).toBeNull()
  })

  it('reads Letterboxd’s own reviews.csv, which has no Spoilers column, and ours, which has', () => {
    const letterboxd = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n2024-03-01,The Ascent,1977,https://boxd.it/abc,4.5,,"Sotnikov, to the end.",,2024-02-29\n' // prettier-ignore
    const ours = `${letterboxd.split('\n')[0]},Spoilers\n2024-03-01,The Ascent,1977,,4.5,,The end.,,2024-02-29,Yes\n` // prettier-ignore
    const reviewsOf = (text: string) => {
      const parsed = parseExport([{ path: 'reviews.csv', text }])
      return parsed.ok ? parsed.data.reviews : parsed.error
    }
    expect(reviewsOf(letterboxd)).toMatchObject([{ name: 'The Ascent', score: 9, watchedOn: '2024-02-29', review: 'Sotnikov, to the end.', spoilers: false }]) // prettier-ignore
    expect(reviewsOf(ours)).toMatchObject([{ review: 'The end.', spoilers: true }])
  })
})
