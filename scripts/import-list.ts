// npm run db:import -- <file> [--list <slug>] [--title <title>] [--create-films]
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { config } from '@/config'
import { openDatabase } from '@/db/client'
import { curatedFilmSlugs } from '@/db/curated'
import { describeReport, importCuratedList, listSlugFromTitle } from '@/db/curated-import'
import { FEATURED_LIST } from '@/db/featured-list'
import { migrateDatabase, seedIfEmpty } from '@/db/prepare'
import { invalidateFromScript } from '@/lib/invalidate'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    list: { type: 'string' },
    title: { type: 'string' },
    'create-films': { type: 'boolean', default: false },
  },
})
const [file] = positionals
if (!file || positionals.length > 1) {
  console.error('Usage: npm run db:import -- <file> [--list <slug>] [--title <title>] [--create-films]') // prettier-ignore
  process.exit(2)
}

const identity = {
  // A --title alone names a new list, its slug made from the title.
  slug: values.list ?? (values.title ? listSlugFromTitle(values.title) : FEATURED_LIST.slug),
  title: values.title ?? (values.list ? values.list : FEATURED_LIST.title),
  createFilms: values['create-films'],
}
const { database } = config()
const db = openDatabase(database)
try {
  await migrateDatabase({ embedded: database.filePath !== null }, db)
  if (await seedIfEmpty(db))
    console.log('The catalogue was empty: loaded the bundled catalogue first.')
  const listedBefore = await curatedFilmSlugs(identity.slug, db)
  const result = await importCuratedList(readFileSync(file), identity, db)
  if (!result.ok) {
    console.error(`${file}: nothing imported`)
    for (const error of result.errors) console.error(`  error: ${file}: ${error}`)
    process.exitCode = 1
  } else {
    for (const warning of result.report.warnings) console.log(`  warning: ${warning}`)
    for (const slug of result.report.createdFilms) console.log(`  new film: ${slug}`)
    for (const entry of result.report.notInCatalogue) {
      console.log(`  not in our catalogue (kept as text; --create-films makes a film): ${entry}`)
    }
    console.log(describeReport(result.report))
    // Running servers refresh the list's pages and those of films that joined or left it.
    const listed = [...listedBefore, ...(await curatedFilmSlugs(identity.slug, db))]
    await invalidateFromScript(db).curatedList(
      identity,
      listed.map((slug) => ({ slug })),
    )
  }
} finally {
  db.$client.close()
}
