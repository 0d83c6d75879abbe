// Prints one closing line for the whole run from the Vitest and Playwright JSON reports, and fails
// for anything that means the run did not pass: failed tests, but also a test file that crashed
// while loading, an error outside any test, a suite that ran nothing, a missing report or one
// left over from an earlier run. `npm test` calls it with --start first to mark the run's start.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export const REPORTS = 'reports'
export const RUN_MARKER = 'test-run-started'

/** Notes the start of a test run: reports older than this are from an earlier run. */
export function markRunStart(dir = REPORTS) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, RUN_MARKER), `${new Date().toISOString()}\n`)
}

const firstLine = (text) => String(text ?? '').split('\n')[0]

/** The report's JSON, or a problem: missing, unreadable, or written before this run started. */
function readReport(dir, file, startedMs) {
  const path = join(dir, file)
  let written
  try {
    written = statSync(path).mtimeMs
  } catch {
    return { problem: `${path} is missing: that suite did not run or did not finish` }
  }
  if (startedMs !== null && written < startedMs) {
    return { problem: `${path} is older than this test run: that suite did not run this time` }
  }
  try {
    return { report: JSON.parse(readFileSync(path, 'utf8')) }
  } catch (error) {
    return { problem: `${path} cannot be read: ${firstLine(error.message)}` }
  }
}

function checkUnit(unit) {
  const problems = []
  const files = Array.isArray(unit.testResults) ? unit.testResults : []
  // A file that throws while loading fails as a suite with no failed test in it.
  const crashed = files.filter(
    (file) =>
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  )
  for (const file of crashed) {
    problems.push(`unit: ${file.name} could not run: ${firstLine(file.message) || 'no message'}`)
  }
  const failedSuites = unit.numFailedTestSuites ?? 0
  if (files.length === 0 && failedSuites > 0 && !(unit.numFailedTests > 0)) {
    problems.push(`unit: ${failedSuites} test files failed without a failed test`)
  }
  const counted = { passed: unit.numPassedTests ?? 0, failed: unit.numFailedTests ?? 0 }
  if (unit.success !== true && problems.length === 0 && counted.failed === 0) {
    problems.push(
      'unit: Vitest reports the run as failed (success is not true), e.g. an unhandled error',
    )
  }
  if (!(unit.numTotalTests > 0)) problems.push('unit: Vitest ran 0 tests')
  return {
    ...counted,
    skipped: (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0),
    problems,
  }
}

function checkE2e(e2e) {
  const problems = []
  const stats = e2e.stats ?? {}
  for (const error of Array.isArray(e2e.errors) ? e2e.errors : []) {
    const where = error.location ? ` (${error.location.file}:${error.location.line})` : ''
    problems.push(`e2e: error outside any test${where}: ${firstLine(error.message)}`)
  }
  if (typeof e2e.stats !== 'object' || e2e.stats === null) {
    problems.push('e2e: the Playwright report has no stats')
  }
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0)
  const failed = stats.unexpected ?? 0
  if (passed + failed === 0) problems.push('e2e: Playwright ran 0 tests')
  return { passed, failed, skipped: stats.skipped ?? 0, problems }
}

/**
 * The run's verdict from the reports in `dir`: counts, the problems that are not a failed test
 * (each counts as one failure), the lines to print and whether the run passed.
 */
export function summarize(dir = REPORTS) {
  const problems = []
  let startedMs = null
  try {
    startedMs = statSync(join(dir, RUN_MARKER)).mtimeMs
  } catch {
    problems.push(
      `${join(dir, RUN_MARKER)} is missing: run the tests with \`npm test\`, which marks the start of the run`,
    )
  }
  const suites = [
    ['unit', 'unit.json', checkUnit],
    ['e2e', 'e2e.json', checkE2e],
  ].map(([name, file, check]) => {
    const { report, problem } = readReport(dir, file, startedMs)
    if (problem)
      return { name, passed: 0, failed: 0, skipped: 0, problems: [`${name}: ${problem}`] }
    return { name, ...check(report) }
  })
  for (const suite of suites) problems.push(...suite.problems)
  const sum = (key) => suites.reduce((total, suite) => total + suite[key], 0)
  const passed = sum('passed')
  const failed = sum('failed') + problems.length
  const skipped = sum('skipped')
  const lines = [
    ...suites.map((s) => `${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`),
    ...problems.map((problem) => `FAILED: ${problem}`),
    `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`,
  ]
  return { passed, failed, skipped, problems, lines, ok: failed === 0 && passed > 0 }
}

function main(args) {
  if (args.includes('--start')) {
    markRunStart()
    return 0
  }
  const { lines, ok } = summarize()
  for (const line of lines) console.log(line)
  return ok ? 0 : 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exit(main(process.argv.slice(2)))
}
