// Prints one closing line for the whole run from the Vitest and Playwright JSON reports.
import { readFileSync } from 'node:fs'

const read = (file) => JSON.parse(readFileSync(file, 'utf8'))
const unit = read('reports/unit.json')
const e2e = read('reports/e2e.json')

const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky
const failed = unit.numFailedTests + e2e.stats.unexpected
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped
console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`)
console.log(`e2e: ${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
