import { request } from 'node:http'
import { performance } from 'node:perf_hooks'
import { gunzipSync } from 'node:zlib'
import { inlineScriptHashes } from '../../lib/server/script-hashes'

// What the script hashes of the Content-Security-Policy cost (lib/server/page-script-policy.ts):
// for real pages, the time to undo the compression and hash the inline scripts, against the
// time the server takes to answer the page. The hashing is the only work added per response.

export type CspCost = {
  path: string
  gzippedBytes: number
  inlineScripts: number
  policyBytes: number
  /** Unzipping and hashing one page, median of many. */
  hashingMs: number
  /** The whole answer as a client sees it, median of sequential requests. */
  answerMs: number
  /** hashingMs / answerMs. */
  share: number
}

function get(url: string): Promise<{ body: Buffer; policy: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          body: Buffer.concat(chunks),
          policy: String(res.headers['content-security-policy'] ?? ''),
        }),
      )
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!

export async function measureCspCost(url: string, paths: string[]): Promise<CspCost[]> {
  const costs: CspCost[] = []
  for (const path of paths) {
    const { body, policy } = await get(`${url}${path}`)
    const hashing: number[] = []
    let scripts = 0
    for (let i = 0; i < 200; i++) {
      const start = performance.now()
      scripts = inlineScriptHashes(gunzipSync(body).toString('utf8')).length
      hashing.push(performance.now() - start)
    }
    const answers: number[] = []
    for (let i = 0; i < 20; i++) {
      // A query string of its own: past server.ts's front cache, to Next (and its cache).
      const start = performance.now()
      await get(`${url}${path}${path.includes('?') ? '&' : '?'}bench=${i}`)
      answers.push(performance.now() - start)
    }
    const hashingMs = median(hashing)
    const answerMs = median(answers)
    costs.push({
      path,
      gzippedBytes: body.length,
      inlineScripts: scripts,
      policyBytes: policy.length,
      hashingMs,
      answerMs,
      share: hashingMs / answerMs,
    })
  }
  return costs
}
