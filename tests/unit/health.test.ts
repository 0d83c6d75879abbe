import { describe, expect, it } from 'vitest'
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
})
