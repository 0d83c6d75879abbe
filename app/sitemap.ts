import type { MetadataRoute } from 'next'
import { config } from '@/config'
import { catalogueDecades } from '@/db/catalogue'
import { allFilmSlugs, allPersonSlugs } from '@/db/films'
import { decadeSlug } from '@/lib/decades'

// Read per request: the catalogue lives in the database, which the build does not need.
export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = config().siteUrl
  const [films, people, decades] = await Promise.all([
    allFilmSlugs(),
    allPersonSlugs(),
    catalogueDecades(),
  ])
  return [
    { url: `${base}/`, changeFrequency: 'weekly', priority: 1 },
    { url: `${base}/films`, changeFrequency: 'weekly', priority: 0.8 },
    ...decades.map((d) => ({ url: `${base}/decades/${decadeSlug(d)}`, priority: 0.6 })),
    ...films.map(({ slug }) => ({ url: `${base}/films/${slug}`, priority: 0.7 })),
    ...people.map(({ slug }) => ({ url: `${base}/people/${slug}`, priority: 0.4 })),
  ]
}
