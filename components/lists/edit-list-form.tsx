'use client'

import { useActionState } from 'react'
import { updateListAction } from '@/app/actions/lists'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import type { ListVisibility } from '@/db/schema'
import { ListFields } from './list-fields'

type Props = {
  list: { id: number; title: string; description: string; visibility: ListVisibility }
}

export function EditListForm({ list }: Props) {
  const [state, action] = useActionState(updateListAction, null)
  const failed = state && !state.ok ? state : undefined
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="listId" value={list.id} />
      <ListFields
        idPrefix="edit-list"
        errors={failed?.fieldErrors}
        values={{
          title: failed?.values?.title ?? list.title,
          description: failed?.values?.description ?? list.description,
          visibility: failed?.values?.visibility ?? list.visibility,
        }}
      />
      <SubmitButton pendingText="Saving changes…">Save changes</SubmitButton>
    </form>
  )
}
