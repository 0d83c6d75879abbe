import { personMetadata, PersonRoute } from './person-route'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// Cached like film pages; requests with a session go to the signed-in variant.
export const revalidate = 3600
export { generateStaticParams } from '@/lib/page-params'

type Props = ParamProps<'slug'>

export const generateMetadata = metadataFromParam('slug', personMetadata)

export default async function Page({ params }: Props) {
  return <PersonRoute slug={(await params).slug} />
}
