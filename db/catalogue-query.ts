import 'server-only'
import { z } from 'zod'
import { filmColours, type FilmColour } from './schema'

export const catalogueSorts = [
  'relevance',
  'title',
  'year',
  'year-desc',
  'rating',
  'most-rated',
] as const
export type CatalogueSort = (typeof catalogueSorts)[number]

export const sortLabels: Record<CatalogueSort, string> = {
  relevance: 'Best match',
  title: 'Title A–Z',
  year: 'Oldest first',
  'year-desc': 'Newest first',
  rating: 'Highest rated',
  'most-rated': 'Most rated',
}

export type CatalogueQuery = {
  q: string
  /** The search as typed was longer than SEARCH_MAX characters: `q` is its beginning. */
  qTooLong: boolean
  decade: number | null
  director: string | null
  /** Anyone credited: director, writer, cinematographer, composer or cast. */
  person: string | null
  studio: string | null
  colour: FilmColour | null
  sort: CatalogueSort
  page: number
}

/** The longest search the catalogue takes, in characters. */
export const SEARCH_MAX = 200

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const lenient = <T extends z.ZodType>(schema: T, fallback: z.infer<T>) =>
  z.preprocess(first, schema.catch(fallback))

/** A person's slug (from a person page's link) or any part of a name typed into a filter. */
const nameFilter = z
  .string()
  .trim()
  .max(100)
  .transform((text) => text || null)
  .nullable()

const paramsSchema = z.object({
  q: lenient(z.string().trim(), ''),
  decade: lenient(z.coerce.number().int().min(1890).max(2090).multipleOf(10).nullable(), null),
  director: lenient(nameFilter, null),
  person: lenient(nameFilter, null),
  studio: lenient(z.string().trim().min(1).max(100).nullable(), null),
  colour: lenient(z.enum(filmColours).nullable(), null),
  sort: lenient(z.enum(catalogueSorts).nullable(), null),
  page: lenient(z.coerce.number().int().min(1).max(100_000), 1),
})

/** Reads the catalogue's URL parameters; anything malformed falls back to its default. */
export function parseCatalogueQuery(
  params: Record<string, string | string[] | undefined>,
): CatalogueQuery {
  const parsed = paramsSchema.parse({
    q: params.q ?? '',
    decade: params.decade || null,
    director: params.director || null,
    person: params.person || null,
    studio: params.studio || null,
    colour: params.colour || null,
    sort: params.sort || null,
    page: params.page ?? 1,
  })
  // A search too long is cut to its beginning and said to be, rather than dropped for every film.
  const typed = [...parsed.q]
  const qTooLong = typed.length > SEARCH_MAX
  const q = qTooLong ? typed.slice(0, SEARCH_MAX).join('').trim() : parsed.q
  const sort = parsed.sort === 'relevance' && !q ? null : parsed.sort
  return { ...parsed, q, qTooLong, sort: sort ?? (q ? 'relevance' : 'title') }
}

/** The URL of a catalogue view, leaving out parameters at their defaults. */
export function catalogueHref(query: Partial<CatalogueQuery>): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.decade) params.set('decade', String(query.decade))
  if (query.director) params.set('director', query.director)
  if (query.person) params.set('person', query.person)
  if (query.studio) params.set('studio', query.studio)
  if (query.colour) params.set('colour', query.colour)
  const defaultSort = query.q ? 'relevance' : 'title'
  if (query.sort && query.sort !== defaultSort) params.set('sort', query.sort)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  const search = params.toString()
  return search ? `/films?${search}` : '/films'
}
