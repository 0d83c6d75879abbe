import 'server-only'
import { CURATED_LIMITS } from '@/lib/rules/curated'

export type DecodedFile = { ok: true; text: string } | { ok: false; errors: string[] }

const MEGABYTE = 1024 * 1024

/**
 * The text of an uploaded or given list file: UTF-8 (with or without a byte-order mark) or UTF-16
 * with one. Anything else is refused rather than read with replacement characters.
 */
export function decodeListFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length > CURATED_LIMITS.fileBytes) {
    const size = (bytes.length / MEGABYTE).toFixed(1)
    return refuse(`The file is ${size} MB; a list file may be at most ${CURATED_LIMITS.fileBytes / MEGABYTE} MB`) // prettier-ignore
  }
  const [a, b, c] = bytes
  try {
    if (a === 0xef && b === 0xbb && c === 0xbf) return read('utf-8', bytes.subarray(3))
    if (a === 0xff && b === 0xfe) return read('utf-16le', bytes.subarray(2))
    if (a === 0xfe && b === 0xff) return read('utf-16be', bytes.subarray(2))
    return read('utf-8', bytes)
  } catch {
    const at = firstInvalidUtf8(bytes)
    const where =
      at === null
        ? 'The file'
        : `line ${lineAt(bytes, at)}: the byte 0x${bytes[at]!.toString(16).toUpperCase()}`
    return refuse(`${where} is not UTF-8; the file may be Latin-1 or Windows-1252. Save it as UTF-8 (or UTF-16 with a byte-order mark) and import it again`) // prettier-ignore
  }
}

function read(encoding: string, bytes: Uint8Array): DecodedFile {
  return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) } // prettier-ignore
}

const refuse = (message: string): DecodedFile => ({ ok: false, errors: [message] })

function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let low = 0
  let high = bytes.length
  // The longest prefix that decodes ends just before the bad byte (give or take a sequence).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true })
      low = mid
    } catch {
      high = mid - 1
    }
  }
  if (low >= bytes.length) return null
  // A streamed prefix may end in the unfinished sequence that the bad byte was meant to finish.
  for (let j = low - 1; j >= Math.max(0, low - 3); j--) {
    const byte = bytes[j]!
    if (byte < 0x80) break
    if (byte >= 0xc0) return j + (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) > low ? j : low
  }
  return low
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}
