import { Fragment } from 'react'
import { readableUrl } from '@/lib/format'

/**
 * A source's address as people read it, free to wrap after each "/" and before each ".", "?",
 * "&", "=" or "_", so a long one breaks between its parts rather than in the middle of a word.
 */
export function ReadableUrl({ url }: { url: string }) {
  const parts = readableUrl(url).split(/(?<=\/)|(?=[.?&=_])/)
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ))
}
