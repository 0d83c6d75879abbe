import { sql } from 'drizzle-orm'
import type { Database } from '@/db/client'

/**
 * Members of a database migrated only part of the way: written with the columns every version of
 * `users` has, since Drizzle's insert names every column of today's schema.
 */
export async function insertEarlyUsers(
  db: Database,
  people: { email: string; username?: string }[],
): Promise<{ id: string }[]> {
  const rows: { id: string }[] = []
  for (const { email, username = null } of people) {
    const id = crypto.randomUUID()
    await db.run(
      sql`insert into users (id, email, username, created_at) values (${id}, ${email}, ${username}, ${Date.now()})`,
    )
    rows.push({ id })
  }
  return rows
}
