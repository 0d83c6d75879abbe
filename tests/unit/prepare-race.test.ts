import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabaseFile } from '@/db/client'
import { readCanon } from '@/db/canon-files'
import { MIGRATIONS_FOLDER } from '@/db/prepare'
import { finished, runScript } from '../helpers/processes'
import { rowsOf } from '../helpers/table-rows'

const dir = mkdtempSync(join(tmpdir(), 'kinofront-race-'))
const file = join(dir, 'race.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('three processes starting at once on an empty database', () => {
  it('all come up, with the database migrated and seeded once', async () => {
    const starts = [1, 2, 3].map(() =>
      finished(
        runScript('tests/helpers/processes/prepare-database.ts', [], {
          DATABASE_URL: `file:${file}`,
        }),
      ),
    )
    const results = await Promise.all(starts)
    for (const { code, output } of results) expect(code, output).toBe(0)
    const printed = results.map((r) => r.output).join('\n')
    expect(printed.match(/Loaded the canon/g)).toHaveLength(1)
    expect(printed.match(/Loaded the curated list/g)).toHaveLength(1)

    const db = openDatabaseFile(file)
    try {
      const journal = JSON.parse(
        readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'),
      ) as { entries: unknown[] }
      expect(await rowsOf(db, 'select count(*) as n from __drizzle_migrations')).toEqual([
        { n: journal.entries.length },
      ])
      expect(await rowsOf(db, 'select count(*) as n from films')).toEqual([
        { n: readCanon().films.length },
      ])
      expect(await rowsOf(db, 'select count(*) as n from curated_lists')).toEqual([{ n: 1 }])
      // The bundled list announces 10 films and has 9 entries.
      expect(await rowsOf(db, 'select count(*) as n from curated_entries')).toEqual([{ n: 9 }])
      expect(await rowsOf(db, 'select count(*) as n from kinofront_locks')).toEqual([{ n: 0 }])
    } finally {
      db.$client.close()
    }
  }, 120_000)
})
