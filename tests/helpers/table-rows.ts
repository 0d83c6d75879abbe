import type { Database } from '@/db/client'

/** Every row a query returns, as plain objects keyed by column name. */
export async function rowsOf(db: Database, query: string): Promise<Record<string, unknown>[]> {
  const result = await db.$client.execute(query)
  return result.rows.map((row) =>
    Object.fromEntries(result.columns.map((column, i) => [column, row[i]])),
  )
}

/** The rows of each named query, to compare a database before and after a change. */
export async function dumpTables<Name extends string>(
  db: Database,
  queries: Record<Name, string>,
): Promise<Record<Name, Record<string, unknown>[]>> {
  const dump = {} as Record<Name, Record<string, unknown>[]>
  for (const name of Object.keys(queries) as Name[]) dump[name] = await rowsOf(db, queries[name])
  return dump
}

// Sessions started by the tests' own stand-in for signing in (signInAs), not by what is tested.
const NOT_COUNTED = new Set(['member_sessions'])

/** Every row of every table, in a stable order: to show that something wrote nothing at all. */
export async function everyRow(db: Database): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = await rowsOf(db, `select name from sqlite_master where type = 'table'`)
  const queries: Record<string, string> = {}
  for (const { name } of tables) {
    if (NOT_COUNTED.has(String(name))) continue
    const columns = await rowsOf(db, `select cid from pragma_table_info('${String(name)}')`)
    const order = columns.map((column) => Number(column.cid) + 1).join(', ')
    queries[String(name)] = `select * from "${String(name)}" order by ${order}`
  }
  return dumpTables(db, queries)
}
