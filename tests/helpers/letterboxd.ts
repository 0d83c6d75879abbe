import { strToU8, zipSync } from 'fflate'
import type { Database } from '@/db/client'
import { resolveExport, savePendingImport, applyPendingImport } from '@/db/letterboxd-import'
import type { Viewer } from '@/db/users'
import { parseExport } from '@/lib/letterboxd/parse-export'
import { readUpload } from '@/lib/letterboxd/read-upload'

/** A ZIP of these files (text), as an upload's bytes. */
export const zipOf = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])))

/** Reads, matches and applies an upload for `viewer`, as previewing then pressing Import does. */
export async function importUpload(viewer: Viewer, name: string, bytes: Uint8Array, db: Database) {
  const upload = readUpload(name, bytes)
  if (!upload.ok) throw new Error(JSON.stringify(upload.error))
  const parsed = parseExport(upload.files)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error))
  const resolved = await resolveExport(parsed.data, db)
  const id = await savePendingImport(viewer, resolved.rows, db)
  const applied = await applyPendingImport(viewer, id, db)
  return { resolved, applied: applied! }
}

/** What an upload is refused with, as "file, row N: message" pieces; null if it is accepted. */
export function refusalOf(name: string, bytes: Uint8Array) {
  const upload = readUpload(name, bytes)
  if (!upload.ok) return upload.error
  const parsed = parseExport(upload.files)
  return parsed.ok ? null : parsed.error
}
