// npm run db:import -- <file> [--list <slug>] [--title <title>] [--create-films]; with neither
// --list nor --title the file replaces the featured list.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { config } from '@/config'
import { openDatabase, type Database } from '@/db/client'
import { curatedFilmSlugs } from '@/db/curated'
import { describeReport, importCuratedList, listSlugFromTitle } from '@/db/curated-import'
import { featuredList } from '@/db/featured-choice'
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

const { database } = config()
const db = openDatabase(database)
try {
  await migrateDatabase({ embedded: database.filePath !== null }, db)
  if (await seedIfEmpty(db))
    console.log('The catalogue was empty: loaded the bundled catalogue first.')
  const identity = { ...(await targetList(db)), createFilms: values['create-films'] }
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

/** The list the file goes to: --list, or a new one named by --title, or else the featured list. */
async function targetList(db: Database) {
  if (values.list !== undefined) return { slug: values.list, title: values.title ?? values.list }
  if (values.title !== undefined) {
    return { slug: listSlugFromTitle(values.title), title: values.title }
  }
  const featured = await featuredList(db)
  console.log(`Importing into the featured list, “${featured.title}” (${featured.slug})`)
  return featured
}
