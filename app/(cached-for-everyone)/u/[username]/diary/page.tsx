import { memberDiaryMetadata, MemberDiaryRoute } from './member-diary-route'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// A public diary's first page, the same for every visitor: rendered on first request, then served
// from the cache until the member's next entry (lib/invalidate.ts). Members, and `?page=`, are
// rewritten to app/(per-request)/signed-in/u/[username]/diary.
export const revalidate = 3600
export { generateStaticParams } from '@/lib/page-params'

type Props = ParamProps<'username'>

export const generateMetadata = metadataFromParam('username', memberDiaryMetadata)

export default async function MemberDiaryPage({ params }: Props) {
  return <MemberDiaryRoute username={(await params).username} viewer={null} page={1} />
}
