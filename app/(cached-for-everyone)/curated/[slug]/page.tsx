import { curatedMetadata, CuratedRoute } from './curated-route'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// `/` shows the featured list through a rewrite to FEATURED_SLOT (lib/routes.ts), so the home page
// is cached like a film page; requests with a session go to the signed-in variant.
export const revalidate = 3600
export { generateStaticParams } from '@/lib/page-params'

type Props = ParamProps<'slug'>

export const generateMetadata = metadataFromParam('slug', curatedMetadata)

export default async function Page({ params }: Props) {
  return <CuratedRoute slug={(await params).slug} />
}
