import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { watchDatabaseFile } from '@/lib/server/database-file'
import { unreadyBecause } from '@/lib/server/health'
import { createTestDatabase, migrationsBefore } from '../helpers/test-db'

const current = await createTestDatabase()
const behind = await createTestDatabase({ migrationsFolder: migrationsBefore('0008_page_changes') })

describe('readiness (/readyz)', () => {
  it('is ready with every migration applied', async () => {
    expect(await unreadyBecause(current, { stopping: false })).toBeNull()
  })

  it('is not ready on a database that lacks a migration', async () => {
    expect(await unreadyBecause(behind, { stopping: false })).toMatch(
      /^database has (\d+) of (\d+) migrations$/,
    )
  })

  it('is not ready while the server stops', async () => {
    expect(await unreadyBecause(current, { stopping: true })).toBe('stopping')
  })

  it('is not ready when the database cannot be read', async () => {
    const closed = await createTestDatabase()
    closed.$client.close()
    expect(await unreadyBecause(closed, { stopping: false })).toMatch(/^database unreachable/)
  })

  it('is not ready once the database file’s folder is deleted', async () => {
    const lost = await createTestDatabase()
    const { rows } = await lost.$client.execute(
      `select file from pragma_database_list where name = 'main'`,
    )
    const file = String(rows[0]!.file)
    const watch = watchDatabaseFile(file, { intervalMs: 60_000 })
    try {
      expect(await unreadyBecause(lost, { stopping: false })).toBeNull()
      rmSync(dirname(file), { recursive: true })
      // The open connection still reads the unlinked file: only the path tells.
      expect((await lost.$client.execute('select 1 as one')).rows[0]!.one).toBe(1)
      expect(await unreadyBecause(lost, { stopping: false })).toBe(
        `database file lost: ${file} is gone (ENOENT)`,
      )
    } finally {
      watch.stop()
    }
  })
})
