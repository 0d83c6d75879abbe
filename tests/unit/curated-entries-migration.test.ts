import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { upsertCanon } from '@/db/catalogue-seed'
import { migrateDatabase, seedCuratedList } from '@/db/prepare'
import { createTestDatabase, migrationsBefore, tenFilmCanon } from '../helpers/test-db'
import { dumpTables } from '../helpers/table-rows'

// A database as it was before entries could lack a film: the bundled list and its corrections.
const db = await createTestDatabase({
  migrationsFolder: migrationsBefore('0011_curated_entries_without_film'),
})
await upsertCanon(tenFilmCanon(), db)
await seedCuratedList(db)

const rows = () =>
  dumpTables(db, {
    curated_entries: 'select * from curated_entries order by id',
    corrections: 'select * from corrections order by id',
  })

describe('the migration that lets a curated entry have no film', () => {
  it('keeps every entry and every correction (the table rebuild cascades nothing)', async () => {
    const before = await rows()
    expect(before.corrections.length).toBeGreaterThan(10)
    await migrateDatabase({ embedded: true }, db)
    expect(await rows()).toEqual(before)
    const [column] = await db.all<{ notnull: number }>(
      sql`select "notnull" from pragma_table_info('curated_entries') where name = 'film_id'`,
    )
    expect(column).toEqual({ notnull: 0 })
  })
})
