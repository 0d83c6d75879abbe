import type { IncomingMessage, ServerResponse } from 'node:http'
import { TOO_LARGE_QUERY } from '../letterboxd/upload-limit'
import { refusalOf, type GuardOptions } from './request-guard'

/** Pages that show, by their file field, that the file sent was too large. */
const PAGES_THAT_EXPLAIN = ['/settings/data']

/** Read and thrown away before answering; a larger body is cut off instead. */
const MOST_DRAINED = 64 * 1024 * 1024

/**
 * A form posted without JavaScript (the browser then shows whatever comes back) from a page in
 * PAGES_THAT_EXPLAIN, with a body over the page's limit: answered with a redirect back to the page,
 * which shows the reason by the field, instead of a bare 413. The body is read to its end first:
 * a browser that is cut off while still sending shows a connection error, not the answer.
 * True when answered here.
 */
export async function sentBackTooLarge(
  req: IncomingMessage,
  res: ServerResponse,
  options: GuardOptions,
): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0]!
  if (!PAGES_THAT_EXPLAIN.includes(path) || req.headers['next-action'] !== undefined) return false
  if (refusalOf(req, options)?.status !== 413) return false
  const drained = await drain(req, MOST_DRAINED)
  const query = new URLSearchParams({ [TOO_LARGE_QUERY.name]: TOO_LARGE_QUERY.value })
  res.writeHead(303, {
    location: `${path}?${query}`,
    'cache-control': 'no-store',
    ...(drained ? {} : { connection: 'close' }),
  })
  res.end()
  return true
}

/** Whether the whole body was read (false: it ran over `most` bytes, or the sender stopped). */
async function drain(req: IncomingMessage, most: number) {
  let length = 0
  try {
    for await (const chunk of req) {
      length += (chunk as Buffer).length
      if (length > most) return false
    }
    return true
  } catch {
    return false
  }
}
