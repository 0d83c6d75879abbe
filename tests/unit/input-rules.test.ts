import { describe, expect, it } from 'vitest'
import { parseCatalogueQuery, SEARCH_MAX } from '@/db/catalogue-query'
import { CONTROL_CHARACTERS, NOTHING_VISIBLE, rowId } from '@/lib/rules/common'
import { listFieldsSchema, entryNoteSchema } from '@/lib/rules/lists'
import { rateSchema, SCORE_MISSING } from '@/lib/rules/ratings'
import { fieldErrorsOf } from '@/lib/rules/common'

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0])

describe('ids and scores are plain decimal digits', () => {
  const id = rowId('missing')

  it('takes digits', () => {
    expect(id.parse('5')).toBe(5)
    expect(id.parse('000123')).toBe(123)
    expect(rateSchema.parse({ filmId: '12', score: '7' })).toEqual({ filmId: 12, score: 7 })
  })

  it('refuses what a number coercion would take', () => {
    for (const forged of [
      '0x5',
      '1e1',
      '\t7',
      ' 7',
      '7 ',
      '+7',
      '-7',
      '7.0',
      '0',
      '',
      '0b1',
      '1_000',
      '٣',
      '9999999999999999',
    ]) {
      expect(id.safeParse(forged).success, JSON.stringify(forged)).toBe(false)
    }
    for (const score of ['0x5', '1e1', '\t7', '7.5', '11', '0']) {
      expect(errorsOf(rateSchema.safeParse({ filmId: '12', score }))).toEqual({
        score: [SCORE_MISSING],
      })
    }
  })
})

describe('text refuses control and format characters and needs something visible', () => {
  const title = (value: string) => errorsOf(listFieldsSchema.safeParse({ title: value, visibility: 'public' })).title // prettier-ignore
  const description = (value: string) => errorsOf(listFieldsSchema.safeParse({ title: 'T', description: value, visibility: 'public' })).description // prettier-ignore

  it('refuses control characters, and tabs, but takes line breaks where lines are allowed', () => {
    expect(title('War\u0007films')).toEqual([CONTROL_CHARACTERS])
    expect(title('War\tfilms')).toEqual([CONTROL_CHARACTERS])
    expect(description('War\tfilms')).toEqual([CONTROL_CHARACTERS])
    expect(description('Line one\r\nLine two')).toBeUndefined()
    expect(title('Line one\nLine two')).toEqual([CONTROL_CHARACTERS])
  })

  it('refuses format characters: zero-width space, right-to-left override, BOM', () => {
    for (const hidden of ['\u200b', '\u202e', '\ufeff', '\u2066', '\u00ad']) {
      expect(title(`War${hidden}films`), JSON.stringify(hidden)).toEqual([CONTROL_CHARACTERS])
      expect(description(`War${hidden}films`)).toEqual([CONTROL_CHARACTERS])
    }
  })

  it('needs at least one visible character', () => {
    expect(title('\u3164')).toEqual([NOTHING_VISIBLE]) // a Hangul filler: a letter no one can see
    expect(title('\u0301')).toEqual([NOTHING_VISIBLE]) // a combining accent on nothing
    expect(
      errorsOf(entryNoteSchema.safeParse({ listId: '1', filmId: '2', note: '\u2800' })).note,
    ).toEqual([NOTHING_VISIBLE]) // the blank braille pattern
    expect(title('Ивановo детство')).toBeUndefined()
    expect(title('★')).toBeUndefined()
    expect(description('')).toBeUndefined()
  })
})

describe('a search longer than its limit says so', () => {
  it('cuts it to its first SEARCH_MAX characters and flags it, instead of listing everything', () => {
    const long = 'журавли '.repeat(40)
    const query = parseCatalogueQuery({ q: long })
    expect(query.qTooLong).toBe(true)
    expect([...query.q].length).toBeLessThanOrEqual(SEARCH_MAX)
    expect(query.q.startsWith('журавли журавли')).toBe(true)
    expect(query.sort).toBe('relevance')
    expect(parseCatalogueQuery({ q: 'cranes' })).toMatchObject({ q: 'cranes', qTooLong: false })
  })
})
