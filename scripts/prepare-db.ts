// npm run db:migrate: creates and migrates the database without loading the catalogue.
import { config } from '@/config'
import { openDatabase } from '@/db/client'
import { prepareDatabase } from '@/db/prepare'

const { database } = config()
const db = openDatabase(database)
await prepareDatabase({ embedded: database.filePath !== null, seed: false }, db)
db.$client.close()
