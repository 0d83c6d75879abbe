// One process starting as `npm start` does, up to serving: migrates and seeds DATABASE_URL.
import { config } from '@/config'
import { openDatabase } from '@/db/client'
import { prepareDatabase } from '@/db/prepare'

const { database } = config()
const db = openDatabase(database)
await prepareDatabase({ embedded: database.filePath !== null }, db)
db.$client.close()
