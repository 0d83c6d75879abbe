import { signInPath } from '@/lib/safe-callback'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { currentSession } from '@/lib/viewer'
import { findCredentialsById } from '@/db/users'
import { isWatchlistPublic } from '@/db/watchlist'
import { ChangePasswordForm, DeleteAccountForm, SignOutEverywhereForm } from './settings-forms'
import { WatchlistVisibilityForm } from './watchlist-visibility-form'
import { DiaryVisibilityForm } from './diary-visibility-form'
import { ownDiaryOwner } from '@/db/diary-pages'
import Link from 'next/link'
import '@/components/diary/diary.css'

export const metadata: Metadata = { title: 'Settings', robots: { index: false } }

type Props = { searchParams: Promise<{ changed?: string }> }

export default async function SettingsPage({ searchParams }: Props) {
  const session = await currentSession()
  if (!session) redirect(signInPath('/settings'))
  const account = await findCredentialsById({ id: session.id })
  if (!account) redirect(signInPath('/settings'))
  const changed = (await searchParams).changed === 'password'
  const watchlistPublic = await isWatchlistPublic({ id: session.id })
  const diary = await ownDiaryOwner({ id: session.id })
  return (
    <div className="narrow">
      <h1>Settings</h1>
      {changed && (
        <p role="status" className="form-success">
          Your password has been changed. Every other session has been signed out.
        </p>
      )}
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        {account.passwordHash ? (
          <ChangePasswordForm />
        ) : (
          <p>You sign in through an identity provider, so there is no password to change.</p>
        )}
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>
          Signs you out on every device and browser, this one included. A session also ends after a
          week without a visit, and 30 days after signing in.
        </p>
        <SignOutEverywhereForm />
      </section>
      <section aria-labelledby="watchlist-heading">
        <h2 id="watchlist-heading">Watchlist</h2>
        <WatchlistVisibilityForm watchlistPublic={watchlistPublic} />
      </section>
      <section aria-labelledby="diary-heading">
        <h2 id="diary-heading">Diary</h2>
        <DiaryVisibilityForm diaryPublic={diary?.diaryPublic ?? true} />
      </section>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          <Link href="/settings/data">Export or import your data</Link> in Letterboxd’s format.
        </p>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete account</h2>
        <p>
          This removes your account and everything in it — ratings, watchlist and lists — at once.
          It cannot be undone.
        </p>
        <DeleteAccountForm hasPassword={account.passwordHash !== null} />
      </section>
    </div>
  )
}
