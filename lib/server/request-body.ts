import { IncomingMessage, type IncomingHttpHeaders } from 'node:http'
import type { Refusal } from './request-guard'

/**
 * A form sent to a server action, checked before Next decodes it: Next answers a body it cannot
 * decode (garbage, a broken multipart form, a reference to a part that is not there, arguments
 * nested thousands deep) with a 500. Only what the app's actions can take is let through; the
 * actions themselves then check the fields (lib/action.ts).
 */

/** Deeper than any form's arguments; far below what overflows the decoder's stack. */
export const MAX_DEPTH = 32

/** Whether server.ts should read this request's body and check it before Next does. */
export function bodyToCheck(req: { method?: string; url?: string; headers: IncomingHttpHeaders }) {
  if (req.method !== 'POST' || (req.url ?? '').startsWith('/api/auth/')) return false
  const type = contentTypeOf(req.headers)
  return req.headers['next-action'] !== undefined || type === 'multipart/form-data'
}

/** The whole body, or null as soon as it is longer than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of req) {
    length += (chunk as Buffer).length
    if (length > limit) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * The request again, with the body already read: what server.ts hands to Next. (The original
 * stream is spent, and Next reads the body from the request it is given.)
 */
export function withBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket)
  copy.method = req.method
  copy.url = req.url
  copy.httpVersion = req.httpVersion
  copy.httpVersionMajor = req.httpVersionMajor
  copy.httpVersionMinor = req.httpVersionMinor
  copy.headers = req.headers
  copy.rawHeaders = req.rawHeaders
  // Read in full: without it, the copy counts as aborted when it ends and takes the socket down.
  copy.complete = true
  copy.push(body)
  copy.push(null)
  return copy
}

const BAD: Refusal = { status: 400, reason: 'The form could not be read.' }

export async function bodyRefusal(
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<Refusal | null> {
  const type = contentTypeOf(headers)
  const fetched = headers['next-action'] !== undefined
  if (type === 'multipart/form-data') {
    const form = await parseMultipart(headers['content-type']!, body)
    if (!form) return BAD
    if (fetched) return replyRefusal(form, '', true)
    // Without JavaScript: a bound action's arguments arrive as $ACTION_<n>:<part> fields.
    const bound = [...form.keys()].find((name) => /^\$ACTION_\d+:0$/.test(name))
    return bound ? replyRefusal(form, bound.slice(0, -1), false) : null
  }
  if (fetched && type === 'text/plain') {
    const root = parseJson(body.toString('utf8'))
    if (root === undefined || !Array.isArray(root)) return BAD
    return referencesValid(root, () => false) ? null : BAD
  }
  return null
}

function contentTypeOf(headers: IncomingHttpHeaders) {
  return (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
}

async function parseMultipart(contentType: string, body: Buffer): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType },
    }).formData()
  } catch {
    return null
  }
}

/**
 * React's encoded arguments: part `${prefix}0` is the root (with JavaScript, the argument list;
 * without, the action's id and its bound arguments), and may refer to other parts.
 */
function replyRefusal(form: FormData, prefix: string, fetched: boolean): Refusal | null {
  const part = (id: number) => form.get(`${prefix}${id}`)
  const root = part(0)
  const parsedRoot = typeof root === 'string' ? parseJson(root) : undefined
  if (fetched ? !Array.isArray(parsedRoot) : parsedRoot === undefined) return BAD
  const seen = new Set<number>([0])
  const pending: unknown[] = [parsedRoot]
  const exists = (id: number) => {
    const value = part(id)
    if (typeof value !== 'string') return false
    if (!seen.has(id)) {
      seen.add(id)
      const parsed = parseJson(value)
      if (parsed === undefined) return false
      pending.push(parsed)
    }
    return true
  }
  while (pending.length > 0) {
    if (!referencesValid(pending.pop(), exists)) return BAD
  }
  return null
}

/** JSON no deeper than MAX_DEPTH, or undefined. */
function parseJson(text: string): unknown {
  if (depthOf(text) > MAX_DEPTH) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** How deeply `text`'s brackets nest, strings skipped; counted before parsing, so cheap to refuse. */
export function depthOf(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth)
    else if (c === ']' || c === '}') depth--
  }
  return deepest
}

// React's encodings of values that need no other part ($$ escapes a string starting with $).
const SELF_CONTAINED = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$|K[0-9a-f]+$)/
// Encodings that name another part by its id (hex): an outlined object, a Map, a Set, a promise.
const PART_REFERENCE = /^\$(Q|W|@)?([0-9a-f]+)(:[^]*)?$/

/** Every `$…` string is a value React can decode from this form alone. */
function referencesValid(value: unknown, exists: (id: number) => boolean): boolean {
  const stack = [value]
  while (stack.length > 0) {
    const next = stack.pop()
    if (typeof next === 'string') {
      if (!next.startsWith('$') || SELF_CONTAINED.test(next)) continue
      const reference = PART_REFERENCE.exec(next)
      if (!reference || !exists(parseInt(reference[2]!, 16))) return false
    } else if (Array.isArray(next)) stack.push(...next)
    else if (next !== null && typeof next === 'object') stack.push(...Object.values(next))
  }
  return true
}
