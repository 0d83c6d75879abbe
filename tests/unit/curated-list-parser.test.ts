import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUNDLED_LIST_PATH } from '@/db/catalogue-seed'
import { parseCuratedList, type ParsedList, type ParseResult } from '@/db/curated-list-parser'

const bundledText = readFileSync(BUNDLED_LIST_PATH, 'utf8')

function expectOk(result: ParseResult): ParsedList {
  if (!result.ok) throw new Error(`expected the list to parse, got:\n${result.errors.join('\n')}`)
  return result.list
}

function expectErrors(result: ParseResult): string[] {
  if (result.ok) throw new Error(`expected errors, got ${result.list.entries.length} entries`)
  return result.errors
}

/** One well-formed entry block. */
const entry = (heading: string, description = 'A description.', fact = 'A fact.') =>
  `${heading}\nDescription: ${description}\nFact: ${fact}\n`

describe('parseCuratedList on the bundled list', () => {
  const list = expectOk(parseCuratedList(bundledText))

  it('reads the nine entries in order with their titles and years', () => {
    expect(list.entries.map((e) => [e.title, e.yearText])).toEqual([
      ['Come and See', '1985'],
      ['The Dawns Here Are Quiet', '1972'],
      ['Father of a Soldier', '1964'],
      ['The Battle of Stalingrad', '1949'],
      ['The Cranes Are Flying', '1957'],
      ['Ballad of a Soldier', '1959'],
      ['Liberation', '1977'],
      ['Two Soldiers', '1943'],
      ['The Alive and the Dead', '1964'],
    ])
    expect(list.entries.map((e) => e.yearStart)).toEqual([
      1985, 1972, 1964, 1949, 1957, 1959, 1977, 1943, 1964,
    ])
    expect(list.entries.every((e) => e.yearEnd === null)).toBe(true)
  })

  it('records the line of each heading', () => {
    expect(list.entries.map((e) => e.line)).toEqual([3, 8, 13, 18, 23, 28, 33, 38, 43])
  })

  it('keeps descriptions and facts exactly as written', () => {
    const liberation = list.entries[6]!
    expect(liberation.description).toBe(
      "A stark depiction of two Soviet partisans' struggle against the Nazis, focusing on themes of sacrifice and moral choices.",
    )
    expect(liberation.fact).toBe(
      'It won the Golden Prize at the 10th Moscow International Film Festival.',
    )
    expect(list.entries[0]!.fact).toBe(
      "The film's director, Elem Klimov, was so affected by the subject matter that he never directed another feature film.",
    )
    expect(list.entries[4]!.fact).toBe(
      "It won the Palme d'Or at the Cannes Film Festival, making it one of the first Soviet films to gain international acclaim.",
    )
    // Every description and fact is the text after its label on the file's own line.
    const lines = bundledText.split('\n')
    for (const e of list.entries) {
      expect(lines[e.line]).toBe(`Description: ${e.description}`)
      expect(lines[e.line + 1]).toBe(`Fact: ${e.fact}`)
    }
  })

  it('keeps the introduction, with no separate title', () => {
    expect(list.title).toBeNull()
    expect(list.introduction).toBe(bundledText.split('\n')[0])
    expect(list.introduction).toMatch(/^The Great Patriotic War, as World War II is known/)
    expect(list.introduction).toContain('This curated list of 10 films provides')
  })

  it('warns that the introduction announces 10 films but the list has 9', () => {
    expect(list.warnings).toEqual(['the introduction announces 10 films, but the list has 9'])
  })
})

describe('parseCuratedList on well-formed variations', () => {
  it('accepts a year range with an en dash or a hyphen', () => {
    for (const heading of [
      'Liberation (1970–1971)',
      'Liberation (1970-1971)',
      'Liberation (1970 – 1971)',
    ]) {
      const [parsed] = expectOk(parseCuratedList(`Intro.\n\n${entry(heading)}`)).entries
      expect(parsed).toMatchObject({
        line: 3,
        title: 'Liberation',
        yearText: '1970–1971',
        yearStart: 1970,
        yearEnd: 1971,
      })
    }
  })

  it('rejects a range that ends before it starts', () => {
    expect(expectErrors(parseCuratedList(entry('Liberation (1971–1970)')))).toEqual([
      'line 1: "Liberation (1971–1970)" ends before it starts',
    ])
  })

  it('reads a short first paragraph as the title when an introduction follows', () => {
    const list = expectOk(
      parseCuratedList(
        `My War Films\n\nThree films worth seeing.\nReally.\n\n${entry('A (1990)')}`,
      ),
    )
    expect(list.title).toBe('My War Films')
    expect(list.introduction).toBe('Three films worth seeing. Really.')
    expect(list.warnings).toEqual(['the introduction announces 3 films, but the list has 1'])
  })

  it('does not warn when the announced count matches', () => {
    const list = expectOk(
      parseCuratedList(`A list of two films.\n\n${entry('A (1990)')}\n${entry('B (1991)')}`),
    )
    expect(list.entries).toHaveLength(2)
    expect(list.warnings).toEqual([])
  })

  it('joins a fact that wraps onto the next line', () => {
    const [parsed] = expectOk(
      parseCuratedList('A (1990)\nDescription: d\nFact: first half\nsecond half\n'),
    ).entries
    expect(parsed!.fact).toBe('first half second half')
  })

  it('ignores a byte-order mark and Windows line endings', () => {
    const list = expectOk(parseCuratedList(`\uFEFF${bundledText.replace(/\n/g, '\r\n')}`))
    expect(list.entries.map((e) => e.title)).toEqual(
      expectOk(parseCuratedList(bundledText)).entries.map((e) => e.title),
    )
    expect(list.entries[8]!.fact).not.toMatch(/\r/)
  })
})

describe('parseCuratedList on malformed lists', () => {
  it('rejects a heading without a year, naming its line', () => {
    const text = `Intro.\n\n${entry('A (1990)')}\n${entry('Come and See')}`
    expect(expectErrors(parseCuratedList(text))).toEqual([
      'line 7: film heading "Come and See" has no year in parentheses, e.g. "Come and See (1957)"',
    ])
  })

  it('rejects the bundled list when one of its headings loses its year', () => {
    const text = bundledText.replace('Liberation (1977)', 'Liberation')
    expect(expectErrors(parseCuratedList(text))).toEqual([
      'line 33: film heading "Liberation" has no year in parentheses, e.g. "Liberation (1957)"',
    ])
  })

  it('rejects an entry without Description:', () => {
    const text = `Intro.\n\n${entry('A (1990)')}\nB (1991)\nFact: only a fact\n`
    expect(expectErrors(parseCuratedList(text))).toEqual(['line 7: "B" has no Description: line'])
  })

  it('rejects a final heading with neither Description: nor Fact:', () => {
    const text = `Intro.\n\n${entry('A (1990)')}\nB (1991)\n`
    expect(expectErrors(parseCuratedList(text))).toEqual([
      'line 7: "B (1991)" has no Description: line',
    ])
  })

  it('rejects an entry without Fact:', () => {
    const text = `Intro.\n\nA (1990)\nDescription: only a description\n\n${entry('B (1991)')}`
    expect(expectErrors(parseCuratedList(text))).toEqual(['line 3: "A" has no Fact: line'])
  })

  it('rejects an empty Description:', () => {
    expect(expectErrors(parseCuratedList('A (1990)\nDescription:\nFact: f\n'))).toEqual([
      'line 2: Description: of "A" is empty',
    ])
  })

  it('rejects a second Fact: line', () => {
    expect(expectErrors(parseCuratedList('A (1990)\nDescription: d\nFact: f\nFact: g\n'))).toEqual([
      'line 4: "A" has a second Fact: line',
    ])
  })

  it('rejects a duplicate title, ignoring case, naming both lines', () => {
    const text = `Intro.\n\n${entry('Come and See (1985)')}\n${entry('B (1991)')}\n${entry('come and see (1986)')}`
    expect(expectErrors(parseCuratedList(text))).toEqual([
      'line 11: duplicate entry "come and see" (first at line 3)',
    ])
  })

  it('rejects garbage text between entries', () => {
    const text = `Intro.\n\n${entry('A (1990)')}\nsome stray text\n\n${entry('B (1991)')}`
    expect(expectErrors(parseCuratedList(text))).toEqual([
      'line 7: unexpected text "some stray text"; expected a "Title (Year)" heading, "Description:" or "Fact:"',
    ])
  })

  it('truncates long garbage in the message', () => {
    const garbage = 'x'.repeat(80)
    const [error] = expectErrors(parseCuratedList(`${entry('A (1990)')}\n${garbage}\n`))
    expect(error).toBe(`line 5: unexpected text "${'x'.repeat(57)}…"; expected a "Title (Year)" heading, "Description:" or "Fact:"`) // prettier-ignore
  })

  it('rejects a label before any heading', () => {
    expect(expectErrors(parseCuratedList('\nDescription: d\nFact: f\n'))).toEqual([
      'line 2: "Description:" comes before any film heading',
      'line 3: "Fact:" comes before any film heading',
    ])
  })

  it.each([
    ['an empty file', ''],
    ['a blank file', '  \n\n \n'],
    ['an introduction alone', 'Only an introduction.\n\nAnd another paragraph.\n'],
  ])('rejects %s', (_, text) => {
    expect(expectErrors(parseCuratedList(text))).toEqual([
      'line 1: no film entries found; expected "Title (Year)" lines followed by Description: and Fact:',
    ])
  })

  it('reports every problem at once', () => {
    const text = `Intro.\n\n${entry('A')}\n${entry('B (1991)')}\nC (1992)\nDescription: d\n\n${entry('b (1993)')}`
    expect(expectErrors(parseCuratedList(text))).toEqual([
      'line 3: film heading "A" has no year in parentheses, e.g. "A (1957)"',
      'line 11: "C" has no Fact: line',
      'line 14: duplicate entry "b" (first at line 7)',
    ])
  })
})

describe('parseCuratedList properties', () => {
  const word = fc.stringMatching(/^[A-Za-z][a-z]{0,7}$/)
  const title = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '))
  const text = fc
    .array(fc.stringMatching(/^[A-Za-z0-9',.!?-]{1,10}$/), { minLength: 1, maxLength: 8 })
    .map((words) => words.join(' '))
  const years = fc
    .tuple(fc.integer({ min: 1895, max: 2000 }), fc.option(fc.integer({ min: 0, max: 10 })))
    .map(([start, span]) => ({ start, end: span === null ? null : start + span }))
  const entries = fc.uniqueArray(fc.record({ title, years, description: text, fact: text }), {
    minLength: 1,
    maxLength: 12,
    selector: (e) => e.title.toLowerCase(),
  })

  it('round-trips the titles, years, descriptions and facts of any well-formed list', () => {
    fc.assert(
      fc.property(entries, fc.boolean(), (list, withIntro) => {
        const blocks = list.map((e) => {
          const year = e.years.end === null ? `${e.years.start}` : `${e.years.start}–${e.years.end}`
          return `${e.title} (${year})\nDescription: ${e.description}\nFact: ${e.fact}`
        })
        const source = [...(withIntro ? ['An introduction.'] : []), ...blocks].join('\n\n')
        const parsed = expectOk(parseCuratedList(source))
        expect(parsed.entries).toEqual(
          list.map((e, i) => ({
            line: (withIntro ? 3 : 1) + 4 * i,
            title: e.title,
            yearText: e.years.end === null ? `${e.years.start}` : `${e.years.start}–${e.years.end}`,
            yearStart: e.years.start,
            yearEnd: e.years.end,
            description: e.description,
            fact: e.fact,
          })),
        )
        expect(parsed.introduction).toBe(withIntro ? 'An introduction.' : '')
        expect(parsed.warnings).toEqual([])
      }),
    )
  })

  it('never throws, and every error names a line of the input', () => {
    const line = fc.oneof(
      fc.constantFrom('', 'Description: d', 'Fact: f', 'Come and See (1985)', 'Liberation (1971–1970)', 'garbage', 'Description:'), // prettier-ignore
      fc.string({ maxLength: 30 }),
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const source = lines.join('\n')
        const result = parseCuratedList(source)
        if (result.ok) {
          expect(result.list.entries.length).toBeGreaterThan(0)
        } else {
          expect(result.errors.length).toBeGreaterThan(0)
          const lineCount = source.split(/\r\n|\r|\n/).length
          for (const error of result.errors) {
            const match = /^line (\d+): /.exec(error)
            expect(match, error).not.toBeNull()
            expect(Number(match![1])).toBeGreaterThanOrEqual(1)
            expect(Number(match![1])).toBeLessThanOrEqual(lineCount)
          }
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('parser edge cases found in review', () => {
  it('joins a Description: that wraps onto a second line', () => {
    expect(
      parseCuratedList('A (1990)\nDescription: first half\nsecond half\nFact: f\n'),
    ).toMatchObject({
      ok: true,
      list: { entries: [{ description: 'first half second half', fact: 'f' }] },
    })
  })

  it('rejects a first heading that has no Description: or Fact:', () => {
    const result = parseCuratedList('Intro.\n\nA (1990)\n\nB (1991)\nDescription: d\nFact: f\n')
    expect(result).toEqual({ ok: false, errors: ['line 3: "A (1990)" has no Description: line'] })
  })

  it('rejects a heading with no title before the year', () => {
    const result = parseCuratedList('!!! (1990)\nDescription: d\nFact: f\n')
    expect(result).toEqual({
      ok: false,
      errors: ['line 1: film heading "!!! (1990)" has no title before the year'],
    })
  })
})
