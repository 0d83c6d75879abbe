import {
  memberDiaryMetadata,
  MemberDiaryRoute,
} from '@/app/(cached-for-everyone)/u/[username]/diary/member-diary-route'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'
import { pageNumber } from '@/lib/page-number'
import { currentViewer } from '@/lib/viewer'

// /u/[username]/diary for a member (its twin in lib/routes.ts), and its later pages for anyone:
// rendered per request.
type Props = ParamProps<'username'> & { searchParams: Promise<{ page?: string | string[] }> }

export const generateMetadata = metadataFromParam('username', memberDiaryMetadata)

export default async function SignedInMemberDiaryPage({ params, searchParams }: Props) {
  const [{ username }, { page }, viewer] = await Promise.all([params, searchParams, currentViewer()]) // prettier-ignore
  return <MemberDiaryRoute username={username} viewer={viewer} page={pageNumber(page)} />
}
