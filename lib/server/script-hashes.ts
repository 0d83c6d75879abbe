import { createHash } from 'node:crypto'

// A <script> element as the HTML parser sees it: its content is raw text up to the first
// `</script`, so this finds the same bodies the browser runs. Next escapes `<` inside its
// flight data and React escapes it in text, so page content cannot open or close one.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
const SRC = /(?:^|\s)src\s*=/i
const TYPE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i

/** A `type` the browser runs as script; anything else (JSON, ld+json) is data it never runs. */
function runsAsScript(attributes: string) {
  const match = TYPE.exec(attributes)
  if (!match) return true
  const type = (match[1] ?? match[2] ?? match[3] ?? '').trim().toLowerCase()
  return (
    type === '' || type === 'module' || /^(?:text|application)\/(?:java|ecma)script$/.test(type)
  )
}

/**
 * The CSP sources (`'sha256-…'`) of every inline script in `html`, each once, in page order:
 * a `script-src` listing them lets exactly these scripts run and no injected one. `html` is the
 * page's text, or with 'bytes' its UTF-8 bytes one character each (`buffer.toString('latin1')`):
 * the same hashes, without decoding the page's UTF-8, which costs more the more it holds.
 */
export function inlineScriptHashes(html: string, read: 'text' | 'bytes' = 'text'): string[] {
  const hashes = new Set<string>()
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (SRC.test(attributes) || !runsAsScript(attributes)) continue
    hashes.add(
      `'sha256-${createHash('sha256')
        .update(body, read === 'bytes' ? 'latin1' : 'utf8')
        .digest('base64')}'`,
    )
  }
  return [...hashes]
}
