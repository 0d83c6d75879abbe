import {
  curatedMetadata,
  CuratedRoute,
} from '@/app/(cached-for-everyone)/curated/[slug]/curated-route'
import { CuratedProgress } from '@/components/lists/curated-progress'
import { currentViewer } from '@/lib/viewer'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// `/` and /curated/[slug] for someone signed in (their twin in lib/routes.ts): rendered per request.
type Props = ParamProps<'slug'>

export const generateMetadata = metadataFromParam('slug', curatedMetadata)

export default async function SignedInCuratedPage({ params }: Props) {
  const [{ slug }, viewer] = await Promise.all([params, currentViewer()])
  const progress = viewer && <CuratedProgress slug={slug} viewer={viewer} />
  return <CuratedRoute slug={slug} progress={progress} />
}
