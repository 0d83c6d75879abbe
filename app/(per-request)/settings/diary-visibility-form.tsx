'use client'

import { useActionState } from 'react'
import { updateDiaryVisibility } from '@/app/actions/diary'
import { FormMessage } from '@/components/form/form-message'
import { SubmitButton } from '@/components/form/submit-button'

/** "Diary visibility": public (the default) or private, which makes the diary a 404 to others. */
export function DiaryVisibilityForm({ diaryPublic }: { diaryPublic: boolean }) {
  const [state, action] = useActionState(updateDiaryVisibility, null)
  const saved = state?.ok ? state.diaryPublic : diaryPublic
  return (
    <form action={action} className="account-form">
      <FormMessage state={state} />
      <fieldset className="choice-fieldset">
        <legend>Diary visibility</legend>
        <div className="checkbox-field">
          <input
            id="diary-public"
            type="radio"
            name="diaryPublic"
            value="public"
            defaultChecked={saved}
          />
          <label htmlFor="diary-public">Public: anyone can see your diary and reviews</label>
        </div>
        <div className="checkbox-field">
          <input
            id="diary-private"
            type="radio"
            name="diaryPublic"
            value="private"
            defaultChecked={!saved}
          />
          <label htmlFor="diary-private">Private: only you can see them</label>
        </div>
      </fieldset>
      <SubmitButton pendingText="Saving…">Save diary setting</SubmitButton>
    </form>
  )
}
