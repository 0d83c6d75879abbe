import type { IncomingMessage, ServerResponse } from 'node:http'
import { bodyRefusal, bodyToCheck, readBody, withBody } from './request-body'
import { refusalOf, refuse, tooLarge, type GuardOptions, type Refusal } from './request-guard'

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
  if (refused) return refusedWith(res, refused)
  if (!bodyToCheck(req)) return req
  const body = await readBody(req, options.bodyLimit)
  if (body === null) return refusedWith(res, tooLarge(options.bodyLimit))
  const bad = await bodyRefusal(req.headers, body)
  if (bad) return refusedWith(res, bad)
  return withBody(req, body)
}

function refusedWith(res: ServerResponse, refusal: Refusal): null {
  refuse(res, refusal)
  return null
}
