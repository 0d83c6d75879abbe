import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  deflateSync,
  gunzipSync,
  gzipSync,
  inflateSync,
} from 'node:zlib'
import { inlineScriptHashes } from './script-hashes'

type Write = (chunk: unknown, ...rest: unknown[]) => boolean
type End = (...args: unknown[]) => ServerResponse

const CSP = 'Content-Security-Policy'

function decompressed(body: Buffer, encoding: unknown): Buffer {
  switch (String(encoding ?? '').toLowerCase()) {
    case 'gzip':
      return gunzipSync(body)
    case 'br':
      return brotliDecompressSync(body)
    case 'deflate':
      return inflateSync(body)
    default:
      return body
  }
}

function encoded(html: string, encoding: unknown): Buffer {
  switch (String(encoding ?? '').toLowerCase()) {
    case 'gzip':
      return gzipSync(html)
    case 'br':
      // Brotli's default (quality 11) costs tens of milliseconds a page; 5 is about gzip's cost.
      return brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    case 'deflate':
      return deflateSync(html)
    default:
      return Buffer.from(html, 'utf8')
  }
}

const isFunction = (value: unknown): value is () => void => typeof value === 'function'

/**
 * Makes an HTML response carry a Content-Security-Policy that lets exactly its own inline scripts
 * run: what Next writes is held until the end, the inline scripts are hashed (after undoing
 * Next's compression) and `policyFor(hashes)` is set before the first byte goes out. Anything
 * that is not HTML passes straight through with the policy already set (no inline scripts).
 *
 * Holding costs a streamed page its early first byte; the pages here are small and render in
 * one go (no Suspense streaming), and every shared page is cached whole anyway. If the body
 * cannot be read, the page keeps the policy without hashes: it works without JavaScript rather
 * than running scripts nobody checked.
 *
 * `rewrite`, when given, changes the page's HTML first (lib/server/visitor-page.ts), and the
 * policy lists the hashes of the scripts it left.
 */
export function holdPageForScriptHashes(
  res: ServerResponse,
  policyFor: (hashes: readonly string[]) => string,
  rewrite?: (html: string) => string,
): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  const write = res.write.bind(res) as Write
  const end = res.end.bind(res) as End
  const flushHeaders = res.flushHeaders.bind(res)
  let holding: boolean | undefined
  let status: number | undefined
  let statusMessage: string | undefined
  const chunks: Buffer[] = []

  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string') {
      chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')) // prettier-ignore
    } else if (chunk instanceof Uint8Array) {
      chunks.push(Buffer.from(chunk))
    }
  }
  const decide = () => {
    if (holding === undefined) {
      const type = String(res.getHeader('content-type') ?? '')
      holding = res.req.method !== 'HEAD' && type.toLowerCase().startsWith('text/html')
    }
    return holding
  }

  res.writeHead = ((code: number, ...rest: unknown[]) => {
    // Headers given here are set now, so that the content type is known and nothing is lost.
    const [first, second] = rest
    const headers = (typeof first === 'object' ? first : second) as OutgoingHttpHeaders | undefined
    if (headers && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) res.setHeader(name, value)
      }
    }
    if (!decide()) return writeHead(code, ...(typeof first === 'string' ? [first] : []))
    status = code
    if (typeof first === 'string') statusMessage = first
    return res
  }) as typeof res.writeHead
  res.flushHeaders = () => {
    if (!decide()) flushHeaders()
  }
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!decide()) return write(chunk, ...rest)
    keep(chunk, rest[0])
    const callback = rest.find(isFunction)
    if (callback) process.nextTick(callback)
    return true
  }) as typeof res.write
  res.end = ((...args: unknown[]) => {
    if (!decide()) return end(...args)
    const [chunk, encoding] = args
    if (!isFunction(chunk)) keep(chunk, encoding)
    let body: Buffer = Buffer.concat(chunks)
    let hashes: string[] = []
    try {
      const encoding = res.getHeader('content-encoding')
      const page = decompressed(body, encoding)
      if (rewrite) {
        const html = rewrite(page.toString('utf8'))
        body = encoded(html, encoding)
        if (res.hasHeader('content-length')) res.setHeader('content-length', body.length)
        hashes = inlineScriptHashes(html)
      } else {
        hashes = inlineScriptHashes(page.toString('latin1'), 'bytes')
      }
    } catch (error) {
      console.error(`Could not read a page to hash its scripts: ${String(error)}`)
    }
    res.setHeader(CSP, policyFor(hashes))
    holding = false // from here on, Node's own calls (its implicit writeHead) go straight through
    if (status !== undefined) writeHead(status, ...(statusMessage ? [statusMessage] : []))
    return end(body, args.find(isFunction))
  }) as typeof res.end
}
