import { decadeMetadata, DecadeRoute } from './decade-route'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// Cached like a film page: rendered on first request, then served from the cache. Requests with a
// session are rewritten to the per-request twin (lib/routes.ts).
export const revalidate = 3600
export { generateStaticParams } from '@/lib/page-params'

type Props = ParamProps<'decade'>

export const generateMetadata = metadataFromParam('decade', decadeMetadata)

export default async function DecadePage({ params }: Props) {
  return <DecadeRoute slug={(await params).decade} />
}
