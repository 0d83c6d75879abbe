import {
  decadeMetadata,
  DecadeRoute,
} from '@/app/(cached-for-everyone)/decades/[decade]/decade-route'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// /decades/[decade] for someone signed in (its twin in lib/routes.ts): rendered per request.
type Props = ParamProps<'decade'>

export const generateMetadata = metadataFromParam('decade', decadeMetadata)

export default async function SignedInDecadePage({ params }: Props) {
  return <DecadeRoute slug={(await params).decade} />
}
