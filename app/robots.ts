import type { MetadataRoute } from 'next'
import { config } from '@/config'

export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: `${config().siteUrl}/sitemap.xml`,
  }
}
