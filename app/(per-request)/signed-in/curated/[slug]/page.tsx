import {
  curatedMetadata,
  CuratedRoute,
  curatedSlugOf,
} from '@/app/(cached-for-everyone)/curated/[slug]/curated-route'
import { CuratedProgressView } from '@/components/lists/curated-progress'
import { curatedProgressOf } from '@/db/profiles'
import { currentViewer } from '@/lib/viewer'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// `/` and /curated/[slug] for someone signed in (their twin in lib/routes.ts): rendered per request.
type Props = ParamProps<'slug'>

export const generateMetadata = metadataFromParam('slug', curatedMetadata)

export default async function SignedInCuratedPage({ params }: Props) {
  const [{ slug }, viewer] = await Promise.all([params, currentViewer()])
  const progress = viewer && (await curatedProgressOf(viewer, await curatedSlugOf(slug)))
  return (
    <CuratedRoute
      slug={slug}
      progress={progress && progress.total > 0 && <CuratedProgressView {...progress} />}
    />
  )
}
