import type { InStatement, InValue } from '@libsql/client'
import type { Database } from '@/db/client'
import { foldText, slugify, sortTitle } from '@/db/search-text'

// [English, Russian masculine/feminine/neuter, transliteration m/f/n]
const adjectives = [
  ['Silent', 'Тихий/Тихая/Тихое', 'Tikhiy/Tikhaya/Tikhoye'],
  ['Last', 'Последний/Последняя/Последнее', 'Posledniy/Poslednyaya/Posledneye'],
  ['Long', 'Долгий/Долгая/Долгое', 'Dolgiy/Dolgaya/Dolgoye'],
  ['Red', 'Красный/Красная/Красное', 'Krasny/Krasnaya/Krasnoye'],
  ['White', 'Белый/Белая/Белое', 'Bely/Belaya/Beloye'],
  ['Cold', 'Холодный/Холодная/Холодное', 'Kholodny/Kholodnaya/Kholodnoye'],
  ['Distant', 'Далёкий/Далёкая/Далёкое', 'Dalyokiy/Dalyokaya/Dalyokoye'],
  ['First', 'Первый/Первая/Первое', 'Pervy/Pervaya/Pervoye'],
  ['Northern', 'Северный/Северная/Северное', 'Severny/Severnaya/Severnoye'],
  ['Young', 'Молодой/Молодая/Молодое', 'Molodoy/Molodaya/Molodoye'],
  ['Iron', 'Железный/Железная/Железное', 'Zhelezny/Zheleznaya/Zheleznoye'],
  ['Bright', 'Светлый/Светлая/Светлое', 'Svetly/Svetlaya/Svetloye'],
] as const

// [English, Russian, transliteration, gender: 0 m, 1 f, 2 n]
const nouns = [
  ['Road', 'дорога', 'doroga', 1],
  ['River', 'река', 'reka', 1],
  ['Summer', 'лето', 'leto', 2],
  ['Winter', 'зима', 'zima', 1],
  ['Village', 'село', 'selo', 2],
  ['Train', 'поезд', 'poyezd', 0],
  ['Garden', 'сад', 'sad', 0],
  ['Steppe', 'степь', 'step', 1],
  ['Bridge', 'мост', 'most', 0],
  ['Forest', 'лес', 'les', 0],
  ['Song', 'песня', 'pesnya', 1],
  ['Soldier', 'солдат', 'soldat', 0],
  ['Sky', 'небо', 'nebo', 2],
  ['Star', 'звезда', 'zvezda', 1],
  ['Dawn', 'рассвет', 'rassvet', 0],
  ['Island', 'остров', 'ostrov', 0],
  ['City', 'город', 'gorod', 0],
  ['Spring', 'весна', 'vesna', 1],
  ['Letter', 'письмо', 'pismo', 2],
  ['Station', 'станция', 'stantsiya', 1],
  ['Field', 'поле', 'pole', 2],
  ['Wind', 'ветер', 'veter', 0],
  ['Heart', 'сердце', 'serdtse', 2],
  ['Sea', 'море', 'more', 2],
] as const

const firstNames = `Aleksandr Boris Vera Grigori Dina Yevgeni Zoya Igor Larisa Mikhail
  Nina Oleg Pavel Rimma Sergei Tamara Vadim Yelena Yuri Fyodor`.split(/\s+/)
const surnames = `Orlov Belov Sokolov Volkov Lebedev Kozlov Novikov Morozov Petrenko Kovalenko
  Shevchuk Bondar Tkachenko Melnyk Gurin Abashidze Sarkisyan Kalnins Zhukov Fomin Gusev Titov
  Kuzmin Egorov Zaitsev`.split(/\s+/)

/** A small, seeded generator so every run builds the same catalogue. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function syntheticTitle(next: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  const [noun, nounRu, nounLatin, gender] = pick(nouns)
  if (next() < 0.3) {
    const [other, otherRu, otherLatin] = pick(nouns)
    const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1)
    return {
      title: `The ${noun} and the ${other}`,
      original: `${capital(nounRu)} и ${otherRu}`,
      latin: `${capital(nounLatin)} i ${otherLatin}`,
    }
  }
  const [adjective, adjectiveRu, adjectiveLatin] = pick(adjectives)
  return {
    title: `${next() < 0.4 ? 'The ' : ''}${adjective} ${noun}`,
    original: `${adjectiveRu.split('/')[gender]} ${nounRu}`,
    latin: `${adjectiveLatin.split('/')[gender]} ${nounLatin}`,
  }
}

const maxId = async (db: Database, table: string) =>
  Number((await db.$client.execute(`select coalesce(max(id), 0) as n from ${table}`)).rows[0]!.n)

export function multiInsert(table: string, columns: string[], rows: InValue[][]): InStatement {
  const row = `(${columns.map(() => '?').join(', ')})`
  return {
    sql: `insert into ${table} (${columns.join(', ')}) values ${rows.map(() => row).join(', ')}`,
    args: rows.flat(),
  }
}

/** Adds `count` synthetic films, each with one synthetic director and its film_search row. */
export async function insertSyntheticFilms(db: Database, count: number, batchSize = 5000) {
  const next = random(1957)
  const firstPersonId = (await maxId(db, 'people')) + 1
  const directors = firstNames.flatMap((first) => surnames.map((last) => `${first} ${last}`))
  const directorSlugs = directors.map((name) => `${slugify(name)}-synthetic`)
  await db.$client.batch(
    chunk(
      directors.map((name, i) => [firstPersonId + i, directorSlugs[i]!, name]),
      500,
    ).map((rows) => multiInsert('people', ['id', 'slug', 'name'], rows)),
    'write',
  )

  let id = (await maxId(db, 'films')) + 1
  for (let done = 0; done < count; done += batchSize) {
    const films: InValue[][] = []
    const credits: InValue[][] = []
    const search: InValue[][] = []
    const studios: InValue[][] = []
    for (let i = 0; i < Math.min(batchSize, count - done); i++, id++) {
      const { title, original, latin } = syntheticTitle(next)
      const year = 1925 + Math.floor(next() * 66)
      const director = Math.floor(next() * directors.length)
      const slug = `${slugify(title)}-${year}-${id}`
      const colour = year < 1955 ? 'bw' : next() < 0.5 ? 'bw' : 'colour'
      films.push([id, slug, title, original, 'ru', latin, year, 60 + Math.floor(next() * 100), 'Soviet Union', colour, sortTitle(title)]) // prettier-ignore
      studios.push([id, 0, STUDIOS[Math.floor(next() * STUDIOS.length)]!])
      credits.push([id, firstPersonId + director, 'director', 0])
      search.push([id, foldText([title, original, latin, directors[director]].join(' '))])
    }
    await db.$client.batch(
      [
        ...chunk(films, 500).map((rows) => multiInsert('films', filmColumns, rows)),
        ...chunk(credits, 1000).map((rows) =>
          multiInsert('credits', ['film_id', 'person_id', 'role', 'position'], rows),
        ),
        ...chunk(search, 1000).map((rows) => multiInsert('film_search', ['rowid', 'body'], rows)),
        ...chunk(studios, 1000).map((rows) =>
          multiInsert('film_studios', ['film_id', 'position', 'name'], rows),
        ),
      ],
      'write',
    )
  }
  return { directorSlugs }
}

const filmColumns = ['id', 'slug', 'title', 'original_title', 'original_language', 'transliteration', 'year_start', 'runtime_minutes', 'country', 'colour', 'sort_title'] // prettier-ignore

// Real studio names, so the studio filter meets the same names at 100,000 films.
const STUDIOS = ['Mosfilm', 'Lenfilm', 'Gorky Film Studio', 'Belarusfilm', 'Dovzhenko Film Studio', 'Georgia-film', 'Lithuanian Film Studio', 'Sverdlovsk Film Studio'] // prettier-ignore

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size))
  return chunks
}
