import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate'
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE } from './upload-limit'

// An uploaded export as the CSV texts Kinofront reads, with every limit checked before or while
// reading, so that a huge or hostile file is refused without being held in memory whole.

export { MAX_UPLOAD_BYTES }
/** What a ZIP may unpack to, all its files together (declared sizes and actual bytes). */
export const MAX_UNPACKED_BYTES = 10 * 1024 * 1024

export type UploadText = { path: string; text: string }
export type UploadError = { file: string; row?: number; message: string }
export type Upload = { ok: true; files: UploadText[] } | { ok: false; error: UploadError }

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const refuse = (file: string, message: string): Upload => ({ ok: false, error: { file, message } })

/** The files a ZIP holds that an import reads: the five CSVs and the lists, in any one folder. */
export function isReadPath(path: string) {
  if (/(^|\/)(deleted|orphaned|likes)\//.test(path)) return false
  return /(^|\/)(watched|watchlist|ratings|diary|reviews)\.csv$/.test(path) || /(^|\/)lists\/[^/]+\.csv$/.test(path)
} // prettier-ignore

const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6) // prettier-ignore

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decode(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes)
  } catch {
    return null
  }
}

export function readUpload(name: string, bytes: Uint8Array): Upload {
  if (bytes.length === 0) return refuse(name, 'The file is empty.')
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return refuse(name, UPLOAD_TOO_LARGE)
  }
  if (isZip(bytes)) return readZip(name, bytes)
  const text = decode(bytes)
  // A text file has no NUL bytes; anything else (an image, a PDF) is neither a ZIP nor a CSV.
  if (text === null || text.includes('\u0000')) {
    return refuse(name, 'This is neither a ZIP nor a CSV file. Choose the ZIP Letterboxd gave you, or one CSV from it.') // prettier-ignore
  }
  return { ok: true, files: [{ path: name, text }] }
}

function readZip(name: string, bytes: Uint8Array): Upload {
  const files: UploadText[] = []
  let unpacked = 0
  let error: UploadError | null = null
  const unzip = new Unzip()
  unzip.register(UnzipInflate)
  unzip.register(UnzipPassThrough)
  unzip.onfile = (file: UnzipFile) => {
    if (error || file.name.endsWith('/') || !isReadPath(file.name)) return
    // The sizes a ZIP declares can lie, so the bytes are counted too as they come out.
    if (file.originalSize !== undefined && unpacked + file.originalSize > MAX_UNPACKED_BYTES) {
      error = { file: `${name}: ${file.name}`, message: `It unpacks to more than ${MB(MAX_UNPACKED_BYTES)}: the ZIP is refused as it could be a ZIP bomb.` } // prettier-ignore
      return
    }
    const chunks: Uint8Array[] = []
    file.ondata = (failure, chunk, final) => {
      if (error) return
      if (failure) {
        error = { file: `${name}: ${file.name}`, message: 'The ZIP is damaged and cannot be unpacked.' } // prettier-ignore
        return
      }
      unpacked += chunk.length
      if (unpacked > MAX_UNPACKED_BYTES) {
        error = { file: `${name}: ${file.name}`, message: `It unpacks to more than ${MB(MAX_UNPACKED_BYTES)}: the ZIP is refused as it could be a ZIP bomb.` } // prettier-ignore
        file.terminate()
        return
      }
      chunks.push(chunk)
      if (final) {
        const text = decode(concat(chunks))
        if (text === null) error = { file: file.name, message: 'This file is not UTF-8 text.' }
        else files.push({ path: file.name, text })
      }
    }
    file.start()
  }
  try {
    // Small pieces, so one piece cannot inflate to much more than the limit before it is counted.
    for (let at = 0; at < bytes.length && !error; at += 4096) {
      unzip.push(bytes.subarray(at, at + 4096), at + 4096 >= bytes.length)
    }
  } catch {
    error ??= { file: name, message: 'The ZIP is damaged and cannot be unpacked.' }
  }
  if (error) return { ok: false, error }
  if (files.length === 0) {
    return refuse(name, 'The ZIP holds none of the files of a Letterboxd export (watched.csv, ratings.csv, diary.csv, reviews.csv, watchlist.csv, lists/).') // prettier-ignore
  }
  return { ok: true, files }
}

function concat(chunks: Uint8Array[]) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}
