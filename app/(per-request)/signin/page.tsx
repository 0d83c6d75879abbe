import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_NOTICE } from '@/lib/auth-database-guard'
import { currentSession } from '@/lib/viewer'
import { config } from '@/config'
import { safeCallbackPath } from '@/lib/safe-callback'
import { signInWithProvider } from './actions'
import { SignInForm } from './signin-form'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// Auth.js sends identity-provider failures back here as ?error=…
const PROVIDER_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    'An account with this email address already exists. Sign in with your password.',
  [DATABASE_UNAVAILABLE]: DATABASE_UNAVAILABLE_NOTICE,
}

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams
  const callbackUrl = safeCallbackPath(params.callbackUrl)
  if (await currentSession()) redirect(callbackUrl)
  const { oidc, github } = config().auth
  const providers = [
    ...(oidc ? [{ id: 'oidc', name: oidc.name }] : []),
    ...(github ? [{ id: 'github', name: 'GitHub' }] : []),
  ]
  const error = typeof params.error === 'string' ? params.error : undefined
  const notice = error
    ? (PROVIDER_ERRORS[error] ?? 'Signing in did not work. Please try again.')
    : undefined
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {params.signedOut === 'everywhere' && (
        <p role="status" className="form-success">
          You have been signed out on every device.
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} notice={notice} />
      <p>
        New to Kinofront?{' '}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
      </p>
      {providers.length > 0 && (
        <section aria-labelledby="providers-heading" className="providers">
          <h2 id="providers-heading">Or use another account</h2>
          {providers.map((provider) => (
            <form
              key={provider.id}
              action={signInWithProvider.bind(null, provider.id, callbackUrl)}
            >
              <button type="submit" className="button button-quiet">
                Sign in with {provider.name}
              </button>
            </form>
          ))}
        </section>
      )}
    </div>
  )
}
