import type { Metadata } from 'next'
import { NewListForm } from '@/components/lists/new-list-form'
import { requireViewer } from '@/lib/viewer'

export const metadata: Metadata = { title: 'New list', robots: { index: false } }

export default async function NewListPage() {
  await requireViewer('/lists/new')
  return (
    <div className="narrow">
      <h1>New list</h1>
      <p className="lede">
        Gather films under a title of your own. Keep it private, or make it public for anyone to see
        on your profile.
      </p>
      <NewListForm />
    </div>
  )
}
