// npm run user:role -- <username> curator|member
import { config } from '@/config'
import { openDatabase } from '@/db/client'
import { setCuratorRole } from '@/db/curators'
import { migrateDatabase } from '@/db/prepare'

const [username, role, ...rest] = process.argv.slice(2)
if (!username || (role !== 'curator' && role !== 'member') || rest.length > 0) {
  console.error('Usage: npm run user:role -- <username> curator|member')
  process.exit(2)
}
const { database } = config()
const db = openDatabase(database)
try {
  await migrateDatabase({ embedded: database.filePath !== null }, db)
  if (await setCuratorRole(username.toLowerCase(), role, db)) {
    console.log(role === 'curator' ? `${username} is now a curator.` : `${username} is no longer a curator.`) // prettier-ignore
  } else {
    console.error(`No account has the username "${username}".`)
    process.exitCode = 1
  }
} finally {
  db.$client.close()
}
