import { currentSession } from '@/lib/viewer'
import { AccountMenuView } from './account/account-menu-view'
import { MemberViewMark } from './personal/member-view-mark'
import { SignInLink } from './sign-in-link'

/** The signed-in person's menu, or a Sign in link, on a page rendered per request. */
export async function AccountMenu() {
  const session = await currentSession()
  return (
    <>
      <MemberViewMark member={session !== null} />
      {session ? <AccountMenuView username={session.username} /> : <SignInLink />}
    </>
  )
}
