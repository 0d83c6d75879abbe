'use client'

import { useActionState } from 'react'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'
import { createListAction } from '@/app/actions/lists'
import { ListFields } from './list-fields'
import './lists.css'

export function NewListForm() {
  const [state, action] = useActionState(createListAction, null)
  const failed = state && !state.ok ? state : undefined
  return (
    <form action={action} className="account-form" noValidate>
      <FormMessage state={state} />
      <ListFields
        idPrefix="new-list"
        errors={failed?.fieldErrors}
        values={{
          title: failed?.values?.title ?? '',
          description: failed?.values?.description ?? '',
          visibility: failed?.values?.visibility ?? 'private',
        }}
      />
      <SubmitButton pendingText="Creating list…">Create list</SubmitButton>
    </form>
  )
}
