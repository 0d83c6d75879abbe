import { openDatabaseFile } from '@/db/client'

async function slugs(dbFile: string, sql: string) {
  const db = openDatabaseFile(dbFile)
  try {
    return (await db.$client.execute(sql)).rows.map((row) => String(row.slug))
  } finally {
    db.$client.close()
  }
}

/** Every film page and every person page of the database, films first. */
export async function cataloguePaths(dbFile: string) {
  const films = await slugs(dbFile, 'select slug from films order by id')
  const people = await slugs(dbFile, 'select slug from people order by id')
  return [
    ...films.map((slug) => `/films/${encodeURIComponent(slug)}`),
    ...people.map((slug) => `/people/${encodeURIComponent(slug)}`),
  ]
}

/** Every film page of the database, in the order the films were added. */
export async function filmPaths(dbFile: string) {
  return (await slugs(dbFile, 'select slug from films order by id')).map(
    (slug) => `/films/${encodeURIComponent(slug)}`,
  )
}

/** How many films and people the server loaded. */
export async function canonSize(dbFile: string) {
  const [films, people] = await Promise.all([
    slugs(dbFile, 'select slug from films'),
    slugs(dbFile, 'select slug from people'),
  ])
  return { films: films.length, people: people.length }
}
