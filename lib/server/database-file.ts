import { statSync } from 'node:fs'

// An embedded database whose folder is deleted (or whose file is replaced) stays open on the old,
// unlinked file: writes would still succeed and be lost at the next restart. The server records
// which file it opened and compares the path with it before every form's write, at /readyz and
// once a second; from the first difference it refuses writes and is not ready until restarted.

type Watched = { path: string; dev: number; ino: number; lost: string | null }

// On globalThis: server.ts and the bundles Next compiles each load their own copy of this module.
const shared = globalThis as unknown as { kinofrontDatabaseFile?: Watched }

/** Records the file now at `path` as the one the server has open, and checks it every `intervalMs`. */
export function watchDatabaseFile(path: string, { intervalMs = 1000 } = {}) {
  const { dev, ino } = statSync(path)
  shared.kinofrontDatabaseFile = { path, dev, ino, lost: null }
  const timer = setInterval(databaseFileLost, intervalMs).unref()
  return {
    stop: () => {
      clearInterval(timer)
      delete shared.kinofrontDatabaseFile
    },
  }
}

/**
 * Why the file at the database's path is no longer the open one (logged once), or null while it
 * is, and when no file is watched (a remote database, tests).
 */
export function databaseFileLost(): string | null {
  const watched = shared.kinofrontDatabaseFile
  if (!watched || watched.lost) return watched?.lost ?? null
  let now
  try {
    now = statSync(watched.path)
  } catch (error) {
    return lose(watched, `${watched.path} is gone (${(error as NodeJS.ErrnoException).code})`)
  }
  if (now.dev === watched.dev && now.ino === watched.ino) return null
  return lose(watched, `${watched.path} is no longer the file that was opened`)
}

function lose(watched: Watched, reason: string) {
  watched.lost = `database file lost: ${reason}`
  console.error(`Kinofront: ${watched.lost}; refusing writes and not ready until restarted`)
  return watched.lost
}
