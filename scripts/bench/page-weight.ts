import type { Page } from '@playwright/test'

/** What a page loads from the site: one script or stylesheet, as it came over the wire. */
export type LoadedFile = {
  path: string
  kind: 'script' | 'stylesheet'
  /** The Content-Encoding the server chose for the browser's own Accept-Encoding. */
  encoding: string
  /** The body as sent (compressed), without headers. */
  wireBytes: number
  /** The body once decoded. */
  bodyBytes: number
}

export type PageWeight = {
  files: LoadedFile[]
  scriptWireBytes: number
  styleWireBytes: number
  /** Stylesheets the page loads of which no rule applies to it (Chromium's CSS coverage). */
  unusedStylesheets: string[]
  /** Stylesheets preloaded (`<link rel=preload as=style>`, e.g. for a prefetched link) but not applied. */
  preloadedUnusedStylesheets: string[]
}

const KINDS = new Set(['script', 'stylesheet'])

/**
 * Loads `url` in `page` (a fresh context: nothing cached) and lists every script and stylesheet
 * it loads, with the bytes the server sent for each, once the page has settled.
 */
export async function measurePageWeight(page: Page, url: string): Promise<PageWeight> {
  const files: Promise<LoadedFile>[] = []
  page.on('requestfinished', (request) => {
    const kind = request.resourceType()
    if (!KINDS.has(kind)) return
    files.push(
      (async () => {
        const response = await request.response()
        const sizes = await request.sizes()
        return {
          path: new URL(request.url()).pathname,
          kind: kind as LoadedFile['kind'],
          encoding: (await response?.headerValue('content-encoding')) ?? 'none',
          wireBytes: sizes.responseBodySize,
          bodyBytes: (await response?.body())?.length ?? 0,
        }
      })(),
    )
  })
  await page.coverage.startCSSCoverage()
  await page.goto(url, { waitUntil: 'networkidle' })
  // Links in view are prefetched once the browser is idle, and what they bring comes after.
  await page.waitForTimeout(1500)
  await page.waitForLoadState('networkidle')
  const preloadedUnusedStylesheets = await page.evaluate(() => {
    const applied = new Set([...document.styleSheets].map((sheet) => sheet.href))
    return [...document.querySelectorAll<HTMLLinkElement>('link[rel=preload][as=style]')]
      .filter((link) => !applied.has(link.href))
      .map((link) => new URL(link.href).pathname)
  })
  const coverage = await page.coverage.stopCSSCoverage()
  const loaded = (await Promise.all(files)).sort((a, b) => b.wireBytes - a.wireBytes)
  const sum = (kind: LoadedFile['kind']) =>
    loaded.filter((f) => f.kind === kind).reduce((total, f) => total + f.wireBytes, 0)
  return {
    files: loaded,
    scriptWireBytes: sum('script'),
    styleWireBytes: sum('stylesheet'),
    unusedStylesheets: coverage
      .filter((sheet) => sheet.url && sheet.ranges.length === 0)
      .map((sheet) => new URL(sheet.url).pathname),
    preloadedUnusedStylesheets,
  }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export function weightTable({ files, scriptWireBytes, styleWireBytes }: PageWeight) {
  const rows = files.map(
    (f) =>
      `| \`${f.path}\` | ${f.kind} | ${f.encoding} | ${kb(f.wireBytes)} | ${kb(f.bodyBytes)} |`,
  )
  return [
    '| file | kind | encoding | sent | decoded |',
    '|---|---|---|---|---|',
    ...rows,
    `| **scripts** | | | **${kb(scriptWireBytes)}** | |`,
    `| **stylesheets** | | | **${kb(styleWireBytes)}** | |`,
  ].join('\n')
}
