import { describe, expect, it } from 'vitest'
import { upsertCanon } from '@/db/catalogue-seed'
import { decodeListFile } from '@/db/curated-list-file'
import { parseCuratedList } from '@/db/curated-list-parser'
import { importCuratedList, listSlugFromTitle, type ImportResult } from '@/db/curated-import'
import { curatedFixture } from '../helpers/curated-fixtures'
import { createTestDatabase, tenFilmCanon } from '../helpers/test-db'
import { dumpTables } from '../helpers/table-rows'

const db = await createTestDatabase()
await upsertCanon(tenFilmCanon(), db)
const variants = curatedFixture('title-variants.txt')
const list = { slug: 'reading', title: 'Reading' }

const everything = () =>
  dumpTables(db, {
    lists: 'select * from curated_lists order by id',
    entries: 'select * from curated_entries order by id',
    films: 'select * from films order by id',
  })

function titlesOf(result: ImportResult | ReturnType<typeof parseCuratedList>) {
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return 'report' in result ? result.report.entries : result.list.entries.map((e) => e.title)
}

function errorsOf(result: { ok: true } | { ok: false; errors: string[] }): string[] {
  if (result.ok) throw new Error('expected errors')
  return result.errors
}

const utf16be = (text: string) => {
  const bytes = Buffer.from(text, 'utf16le')
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!]
  return bytes
}

describe('reading a list file', () => {
  const expected = titlesOf(parseCuratedList(variants))

  it.each([
    ['UTF-8', Buffer.from(variants, 'utf8')],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(variants)])], // prettier-ignore
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(variants, 'utf16le')])], // prettier-ignore
    ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(variants)])], // prettier-ignore
    ['CRLF line endings', Buffer.from(variants.replace(/\n/g, '\r\n'))],
    ['CR line endings', Buffer.from(variants.replace(/\n/g, '\r'))],
  ])('reads %s, Cyrillic included', (_, bytes) => {
    const decoded = decodeListFile(bytes)
    if (!decoded.ok) throw new Error(decoded.errors.join('\n'))
    expect(titlesOf(parseCuratedList(decoded.text))).toEqual(expected)
    expect(expected).toContain('Летят журавли')
  })

  it('refuses a Latin-1 file, naming the line of the first byte that is not UTF-8', async () => {
    const before = await everything()
    const latin1 = Buffer.from('Films for a café evening\n\nCome and See (1985)\nDescription: Vu à Paris.\nFact: f\n', 'latin1') // prettier-ignore
    expect(errorsOf(await importCuratedList(latin1, list, db))).toEqual([
      'line 1: the byte 0xE9 is not UTF-8; the file may be Latin-1 or Windows-1252. Save it as UTF-8 (or UTF-16 with a byte-order mark) and import it again',
    ])
    const later = Buffer.from('Come and See (1985)\nDescription: Vu à Paris.\nFact: f\n', 'latin1')
    expect(errorsOf(decodeListFile(later))[0]).toMatch(/^line 2: the byte 0xE0 is not UTF-8/)
    expect(await everything()).toEqual(before)
  })

  it('refuses control characters such as NUL, naming each line', () => {
    const text = 'Come and See (1985)\nDescription: a\u0000b\nFact: f\u0007\n'
    expect(errorsOf(parseCuratedList(text))).toEqual([
      'line 2: control character U+0000 is not allowed; remove it',
      'line 3: control character U+0007 is not allowed; remove it',
    ])
  })

  it('accepts label variants: any case, a space before the colon, numbered headings', () => {
    const result = parseCuratedList('1. Come and See (1985)\ndescription : d\nFACT :f\n')
    expect(result).toEqual({
      ok: true,
      list: {
        title: null,
        introduction: '',
        warnings: [],
        entries: [{ line: 1, title: 'Come and See', yearText: '1985', yearStart: 1985, yearEnd: null, description: 'd', fact: 'f' }], // prettier-ignore
      },
    })
  })

  it('reports an unknown label with its line instead of folding it into the text', () => {
    expect(errorsOf(parseCuratedList(curatedFixture('labels-and-numbering.txt')))).toEqual([
      'line 11: unknown label "Why watch:" in the entry "The Cranes Are Flying"; only Description: and Fact: are read',
      'line 17: unknown label "Rating:" in the entry "Two Soldiers"; only Description: and Fact: are read',
    ])
  })
})

describe('limits', () => {
  const entry = (n: number, description = 'd') => `Film Number ${n} (1960)\nDescription: ${description}\nFact: f\n` // prettier-ignore

  it('refuses a file over 1 MB before reading it, writing nothing', async () => {
    const before = await everything()
    const big = Buffer.alloc(1024 * 1024 + 1, 'a')
    expect(errorsOf(await importCuratedList(big, list, db))).toEqual([
      'The file is 1.0 MB; a list file may be at most 1 MB',
    ])
    expect(await everything()).toEqual(before)
  })

  it('refuses more than 500 entries, naming the first one too many', () => {
    const text = Array.from({ length: 501 }, (_, i) => entry(i)).join('\n')
    expect(errorsOf(parseCuratedList(text))).toEqual([
      'line 2001: the file has 501 entries; a list has at most 500',
    ])
    expect(parseCuratedList(Array.from({ length: 500 }, (_, i) => entry(i)).join('\n')).ok).toBe(
      true,
    )
  })

  it('refuses a description, fact or introduction over 2,000 characters', () => {
    const long = 'x'.repeat(2001)
    expect(errorsOf(parseCuratedList(`${long}\n\n${entry(1, long)}`))).toEqual([
      'line 3: the Description: of "Film Number 1" is 2,001 characters long; at most 2,000',
      'line 1: the introduction is 2,001 characters long; at most 2,000',
    ])
    expect(parseCuratedList(entry(1, 'x'.repeat(2000))).ok).toBe(true)
  })

  it('caps a flood of errors with a count of the rest', () => {
    const errors = errorsOf(parseCuratedList('Come and See (1985)\nDescription: d\nFact: f\n' + 'x\u0001\n'.repeat(80))) // prettier-ignore
    expect(errors).toHaveLength(51)
    expect(errors.at(-1)).toBe('line 54: … and 30 more problems')
  })
})

describe('list slugs', () => {
  it.each([
    ['Bad Slug/../x', 'list slug "Bad Slug/../x": A list slug may use only lower-case letters a–z, digits and single hyphens'], // prettier-ignore
    ['', 'list slug "": Give the list a slug, e.g. "films-about-partisans"'],
    ['летят-журавли', 'list slug "летят-журавли": A list slug may use only lower-case letters a–z, digits and single hyphens'], // prettier-ignore
    ['a'.repeat(81), `list slug "${'a'.repeat(81)}": A list slug has at most 80 characters`],
  ])('refuses %j, writing nothing', async (slug, message) => {
    const before = await everything()
    expect(errorsOf(await importCuratedList(variants, { slug, title: 'T' }, db))).toEqual([message])
    expect(await everything()).toEqual(before)
  })

  it('makes a Latin slug from a title', () => {
    expect(listSlugFromTitle('Фильмы о партизанах')).toBe('filmy-o-partizanakh')
    expect(listSlugFromTitle('The Best War Films — Ever!')).toBe('the-best-war-films-ever')
  })
})
