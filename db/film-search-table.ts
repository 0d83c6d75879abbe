import 'server-only'
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The FTS5 table made by drizzle/0001_film_search.sql, described here for typed queries only.
 * It sits outside db/schema.ts so that drizzle-kit does not try to create it as a plain table.
 */
export const filmSearch = sqliteTable('film_search', {
  rowid: integer('rowid').notNull(),
  body: text('body').notNull(),
  rank: real('rank'),
})
