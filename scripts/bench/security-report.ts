import type { CspCost } from './csp-cost'
import type { SignUpFlood } from './sign-up-flood'

// The BENCHMARKS.md sections of the security issue's measurements: the sign-up flood and what
// the Content-Security-Policy's script hashes cost per page.

const ms = (n: number) => n.toFixed(0)

export function signUpFloodSection(flood: SignUpFlood | undefined): string {
  if (!flood) return ''
  const met = (r: number) => (r <= 2 ? 'met' : '**not met**')
  return `## Under a sign-up flood

${flood.concurrency} sign-ups at a time from one address for ${flood.floodSec} s, posted as a browser without
JavaScript posts the form (${flood.signUpsSent} sent, ${flood.accountsCreated} accounts created). Meanwhile a member
signs in, one at a time, and someone searches \`/films?q=cranes\`; both are timed the same way with no flood.

| | quiet median (ms) | flooded median (ms) | flooded ÷ quiet (goal ≤ 2×) |
|---|---:|---:|---:|
| A member's sign-in | ${ms(flood.quiet.signInMs)} | ${ms(flood.flooded.signInMs)} | ${flood.ratio.signInMs.toFixed(2)}×, ${met(flood.ratio.signInMs)} |
| Catalogue search | ${ms(flood.quiet.searchMs)} | ${ms(flood.flooded.searchMs)} | ${flood.ratio.searchMs.toFixed(2)}×, ${met(flood.ratio.searchMs)} |

`
}

export function cspCostSection(costs: CspCost[] | undefined): string {
  if (!costs?.length) return ''
  const rows = costs.map(
    (c) =>
      `| \`${c.path}\` | ${c.inlineScripts} | ${c.hashingMs.toFixed(2)} | ${c.answerMs.toFixed(1)} | ${(c.share * 100).toFixed(1)}% |`,
  )
  return `## Script hashes of the Content-Security-Policy

\`server.ts\` holds each HTML page until it is whole and lists the SHA-256 of its inline scripts in the policy
(lib/server/page-script-policy.ts); the front cache keeps the header with the page, so a cached page is hashed
once. Per page: undoing the compression and hashing (median of 200), against the whole answer as a client sees it
(median of sequential requests).

| page | inline scripts | hashing (ms) | answer (ms) | share |
|---|---:|---:|---:|---:|
${rows.join('\n')}

`
}
