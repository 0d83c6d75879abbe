import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RUN_MARKER, markRunStart, summarize } from '@/scripts/test-summary.mjs'

// Reports shaped like the ones Vitest 4 and Playwright 1.65 write (trimmed to the fields read).
const passingFile = {
  name: '/repo/tests/unit/ok.test.ts',
  status: 'passed',
  message: '',
  assertionResults: [{ fullName: 'fine', status: 'passed' }],
}
const unitReport = (overrides: object = {}) => ({
  numTotalTestSuites: 1,
  numPassedTestSuites: 1,
  numFailedTestSuites: 0,
  numTotalTests: 1,
  numPassedTests: 1,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  success: true,
  testResults: [passingFile],
  ...overrides,
})
const e2eReport = (overrides: object = {}) => ({
  config: {},
  suites: [],
  errors: [],
  stats: { startTime: new Date().toISOString(), expected: 3, skipped: 1, unexpected: 0, flaky: 0 },
  ...overrides,
})

let dir: string
const write = (file: string, report: object) =>
  writeFileSync(join(dir, file), JSON.stringify(report))
const age = (file: string, secondsAgo: number) => {
  const when = new Date(Date.now() - secondsAgo * 1000)
  utimesSync(join(dir, file), when, when)
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinofront-summary-'))
  markRunStart(dir)
  age(RUN_MARKER, 60)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the test summary', () => {
  it('passes a run whose reports are fresh and clean', () => {
    write('unit.json', unitReport())
    write('e2e.json', e2eReport())
    const summary = summarize(dir)
    expect(summary.ok).toBe(true)
    expect(summary.lines.at(-1)).toBe('tests: 4 passed, 0 failed, 1 skipped')
  })

  it('fails when a test file crashed while loading, though no test failed', () => {
    const crashed = {
      name: '/repo/tests/unit/crash.test.ts',
      status: 'failed',
      message: 'boom while loading',
      assertionResults: [],
    }
    write(
      'unit.json',
      unitReport({
        numTotalTestSuites: 3,
        numFailedTestSuites: 2,
        success: false,
        testResults: [crashed, { ...crashed, name: '/repo/tests/unit/other.test.ts' }, passingFile],
      }),
    )
    write('e2e.json', e2eReport())
    const summary = summarize(dir)
    expect(summary.ok).toBe(false)
    expect(summary.lines).toContain(
      'FAILED: unit: /repo/tests/unit/crash.test.ts could not run: boom while loading',
    )
    expect(summary.lines.at(-1)).toBe('tests: 4 passed, 2 failed, 1 skipped')
  })

  it('fails on success: false even when every count looks clean', () => {
    write('unit.json', unitReport({ success: false }))
    write('e2e.json', e2eReport())
    const summary = summarize(dir)
    expect(summary.ok).toBe(false)
    expect(summary.problems).toEqual([expect.stringContaining('success is not true')])
  })

  it('fails on failed suites in a report without per-file results', () => {
    write(
      'unit.json',
      unitReport({ numFailedTestSuites: 2, success: false, testResults: undefined }),
    )
    write('e2e.json', e2eReport())
    expect(summarize(dir).problems).toEqual(['unit: 2 test files failed without a failed test'])
  })

  it('fails on an error Playwright reports outside any test', () => {
    write('unit.json', unitReport())
    write(
      'e2e.json',
      e2eReport({
        errors: [
          {
            message: 'Error: boom while loading\nmore',
            location: { file: '/repo/tests/e2e/a.spec.ts', line: 1, column: 7 },
          },
        ],
      }),
    )
    const summary = summarize(dir)
    expect(summary.ok).toBe(false)
    expect(summary.lines).toContain(
      'FAILED: e2e: error outside any test (/repo/tests/e2e/a.spec.ts:1): Error: boom while loading',
    )
  })

  it('fails when a report is missing', () => {
    write('unit.json', unitReport())
    const summary = summarize(dir)
    expect(summary.ok).toBe(false)
    expect(summary.problems).toEqual([expect.stringMatching(/^e2e: .*e2e\.json is missing/)])
  })

  it('fails when a report is older than the start of this run', () => {
    write('unit.json', unitReport())
    write('e2e.json', e2eReport())
    age('e2e.json', 3600)
    const summary = summarize(dir)
    expect(summary.ok).toBe(false)
    expect(summary.problems).toEqual([expect.stringContaining('older than this test run')])
  })

  it('fails without the run marker, since staleness cannot be judged', () => {
    write('unit.json', unitReport())
    write('e2e.json', e2eReport())
    rmSync(join(dir, RUN_MARKER))
    expect(summarize(dir).ok).toBe(false)
  })

  it('fails when a suite ran no tests', () => {
    write('unit.json', unitReport())
    write(
      'e2e.json',
      e2eReport({ stats: { startTime: '', expected: 0, skipped: 0, unexpected: 0, flaky: 0 } }),
    )
    const summary = summarize(dir)
    expect(summary.ok).toBe(false)
    expect(summary.problems).toEqual(['e2e: Playwright ran 0 tests'])
  })

  it('fails on a report that is not JSON', () => {
    write('unit.json', unitReport())
    writeFileSync(join(dir, 'e2e.json'), '{"stats": ')
    expect(summarize(dir).problems).toEqual([expect.stringContaining('cannot be read')])
  })

  it('counts failed tests as before', () => {
    write('unit.json', unitReport({ numFailedTests: 2, numFailedTestSuites: 1, success: false }))
    write('e2e.json', e2eReport({ stats: { expected: 3, skipped: 0, unexpected: 1, flaky: 1 } }))
    const summary = summarize(dir)
    expect(summary.problems).toEqual([])
    expect(summary.lines.at(-1)).toBe('tests: 5 passed, 3 failed, 0 skipped')
  })
})
