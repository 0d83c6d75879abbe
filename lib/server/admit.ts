import type { IncomingMessage, ServerResponse } from 'node:http'
import { bodyRefusal, bodyToCheck, readBody, withBody } from './request-body'
import { refusalOf, refuse, type GuardOptions } from './request-guard'

/**
 * The request to hand to Next, or null when it has been refused here with a 4xx (see
 * request-guard.ts and request-body.ts). A form sent to a server action comes back with its body
 * already read and checked.
 */
export async function admit(
  req: IncomingMessage,
  res: ServerResponse,
  options: GuardOptions,
): Promise<IncomingMessage | null> {
  const refused = refusalOf(req, options)
  if (refused) {
    refuse(res, refused)
    return null
  }
  if (!bodyToCheck(req)) return req
  const body = await readBody(req)
  const bad = await bodyRefusal(req.headers, body)
  if (bad) {
    refuse(res, bad)
    return null
  }
  return withBody(req, body)
}
