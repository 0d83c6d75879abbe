import { personMetadata, PersonRoute } from '@/app/(cached-for-everyone)/people/[slug]/person-route'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// /people/[slug] for someone signed in (its twin in lib/routes.ts): rendered per request.
type Props = ParamProps<'slug'>

export const generateMetadata = metadataFromParam('slug', personMetadata)

export default async function SignedInPersonPage({ params }: Props) {
  return <PersonRoute slug={(await params).slug} />
}
