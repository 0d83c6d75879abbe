// Runs before `next start` / `next dev`: creates and migrates the database, then loads the
// bundled catalogue when it is empty. Safe to run any number of times.
import { config } from '@/config'
import { openDatabase } from '@/db/client'
import { describeReport } from '@/db/curated-import'
import { migrateDatabase, seedIfEmpty } from '@/db/prepare'

const { database } = config()
const db = openDatabase(database)
await migrateDatabase(db, { embedded: database.filePath !== null })
if (!process.argv.includes('--no-seed')) {
  const report = await seedIfEmpty(db)
  if (report) {
    console.log(`Loaded the bundled catalogue: ${describeReport(report)}`)
    for (const warning of report.warnings) console.log(`  note: ${warning}`)
  }
}
db.$client.close()
