// Types for scripts/test-summary.mjs, which stays plain JavaScript so `node` runs it as CI calls it.
export const REPORTS: string
export const RUN_MARKER: string
export function markRunStart(dir?: string): void
export function summarize(dir?: string): {
  passed: number
  failed: number
  skipped: number
  /** Everything that is not a failed test but still fails the run, one failure each. */
  problems: string[]
  lines: string[]
  ok: boolean
}
