// npm run db:migrate: creates and migrates the database without loading the catalogue.
import { config } from '@/config'
import { openDatabase, type Database } from '@/db/client'
import { prepareDatabase } from '@/db/prepare'
import { checkDatabase, startUp } from '@/lib/server/start-up'

await startUp(async () => {
  const { database } = config()
  let db: Database | undefined
  await checkDatabase(database, () => (db = openDatabase(database)))
  await prepareDatabase({ embedded: database.filePath !== null, seed: false }, db!)
  db!.$client.close()
})
