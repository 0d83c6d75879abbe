import type { MetadataRoute } from 'next'
import { config } from '@/config'
import { allFilmSlugs, allPersonSlugs } from '@/db/films'

// Read per request: the catalogue lives in the database, which the build does not need.
export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = config().siteUrl
  const [films, people] = await Promise.all([allFilmSlugs(), allPersonSlugs()])
  return [
    { url: `${base}/`, changeFrequency: 'weekly', priority: 1 },
    { url: `${base}/films`, changeFrequency: 'weekly', priority: 0.8 },
    ...films.map(({ slug }) => ({ url: `${base}/films/${slug}`, priority: 0.7 })),
    ...people.map(({ slug }) => ({ url: `${base}/people/${slug}`, priority: 0.4 })),
  ]
}
