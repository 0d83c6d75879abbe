import { asMember, expect, test } from './support/fixtures'
import {
  AFTER_HASHING,
  expectSignedInAs,
  expectSignedOut,
  formAlert,
  newUser,
  signIn,
  signOut,
  signUp,
  signUpFromSignInRedirect,
} from './support/accounts'
import { expectNoAxeViolations } from './support/axe'
import { createMember, newMemberSignedIn } from './support/direct-member'

test('sign up, see yourself in the header on every page, sign out, sign in again', async ({
  page,
}) => {
  const user = newUser()
  await signUp(page, user)
  await expect(page).toHaveURL(/\/$/)
  await expectSignedInAs(page, user.username)

  // Cached pages too show the person's own header.
  await page.goto('/films/the-cranes-are-flying')
  await expectSignedInAs(page, user.username)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Cranes Are Flying')

  await signOut(page)
  await expectSignedOut(page)
  await page.goto('/films/the-cranes-are-flying')
  await expectSignedOut(page)

  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ffilms%2Fthe-cranes-are-flying$/)
  await signIn(page, user)
  await expect(page).toHaveURL(/\/films\/the-cranes-are-flying$/)
  await expectSignedInAs(page, user.username)

  await page.getByRole('banner').getByRole('link', { name: user.username }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(user.username)
})

test('sign-up errors sit next to their fields and keep what was typed', async ({ page }) => {
  const user = newUser()
  await signUp(page, { ...user, username: 'No Spaces!', password: 'short' })
  const username = page.getByLabel('Username')
  await expect(username).toHaveAttribute('aria-invalid', 'true')
  await expect(username).toHaveAccessibleDescription(/Use only letters a–z, digits and _/)
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 8 characters/)
  await expect(page.getByLabel('Email')).toHaveValue(user.email)
  await expect(formAlert(page)).toContainText('Please correct the fields marked below.')

  await signUp(page, { ...user, password: 'password123' })
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/too common/)
})

test('a taken username or email gets a field error @same-without-js', async ({ page, member }) => {
  const user = newUser()
  await signUp(page, { ...user, username: member.username.toUpperCase() })
  await expect(page.getByLabel('Username')).toHaveAccessibleDescription(/This username is taken/)
  await signUp(page, { ...user, email: ` ${member.email.toUpperCase()} ` })
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/already exists/)
  await expectSignedOut(page)
})

test('a wrong password says only that email or password is incorrect', async ({ page }) => {
  const user = await createMember()
  await page.goto('/signin')
  await signIn(page, { email: user.email, password: 'not the password' })
  await expect(formAlert(page)).toHaveText(/Email or password is incorrect/)
  await expect(page.getByLabel('Email')).toHaveValue(user.email)
  await signIn(page, { email: 'nobody.here@example.test', password: 'not the password' })
  await expect(formAlert(page)).toHaveText(/Email or password is incorrect/)
  await expectSignedOut(page)
})

test('after five wrong passwords even the right one is refused, with a time to try again @same-without-js', async ({
  page,
}) => {
  // Six sign-ins, each hashing a password, the later ones slowed on purpose.
  test.slow()
  const user = await createMember()
  await page.goto('/signin')
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: user.email, password: `wrong guess ${i}` })
    await expect(formAlert(page)).toHaveText(/Email or password is incorrect/)
  }
  await signIn(page, user)
  await expect(formAlert(page)).toHaveText(
    /Too many sign-in attempts\. Try again in 1[45] minutes \(at \d\d:\d\d UTC\)\./,
  )
  await expectSignedOut(page)
})

test('sign-in returns to a same-site callbackUrl', async ({ page }) => {
  const user = newUser()
  await signUp(page, user, '/signup?callbackUrl=%2Fpeople%2Felem-klimov')
  await expect(page).toHaveURL(/\/people\/elem-klimov$/)
  await signOut(page)

  await page.goto('/signin?callbackUrl=%2Ffilms%3Fq%3Dcranes')
  await signIn(page, user)
  await expect(page).toHaveURL(/\/films\?q=cranes$/)
})

test('a callbackUrl leading off the site falls back to the home page, on sign-up and sign-in @same-without-js', async ({
  page,
}) => {
  test.slow()
  const home = /^http:\/\/127\.0\.0\.1:\d+\/$/
  const [first, ...others] = ['//evil.example', 'https://evil.example/', '/\\evil.example', '/%5Cevil.example', ' //evil.example', 'javascript:alert(1)'] // prettier-ignore
  const user = newUser()
  await signUp(page, user, `/signup?callbackUrl=${encodeURIComponent(first!)}`)
  await expect(page).toHaveURL(home)
  for (const target of others) {
    await signOut(page)
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`)
    await signIn(page, user)
    await expect(page, target).toHaveURL(home)
  }
})

test('settings sends people who are signed out to sign in, and back', async ({ page }) => {
  await signUpFromSignInRedirect(page, '/settings')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
})

test('changing the password signs out every other session', async ({ page, browser }) => {
  // Five passwords hashed or checked.
  test.slow()
  const user = await newMemberSignedIn(page)
  const elsewhere = await browser.newPage()
  await elsewhere.goto('/signin')
  await signIn(elsewhere, user)
  await expectSignedInAs(elsewhere, user.username)

  await page.goto('/settings')
  await page.getByLabel('Current password').fill(user.password)
  await page.getByLabel('New password').fill(`${user.password} renewed`)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('status')).toContainText(
    'Your password has been changed',
    AFTER_HASHING,
  )
  await expectSignedInAs(page, user.username)

  await elsewhere.reload()
  await expectSignedOut(elsewhere)
  await elsewhere.goto('/settings')
  await expect(elsewhere).toHaveURL(/\/signin/)
  await signIn(elsewhere, user)
  await expect(formAlert(elsewhere)).toHaveText(/Email or password is incorrect/)
  await signIn(elsewhere, { ...user, password: `${user.password} renewed` })
  await expectSignedInAs(elsewhere, user.username)
  await elsewhere.close()
})

test('deleting the account needs the password, then signs out and frees the email', async ({
  page,
}) => {
  // A sign-up and two password checks.
  test.slow()
  const user = await newMemberSignedIn(page)
  await page.goto('/settings')
  const form = page.getByRole('region', { name: 'Delete account' })
  await form.getByLabel('Password').fill('not it at all')
  await form.getByRole('button', { name: 'Delete account' }).click()
  await expect(form.getByLabel('Password')).toHaveAccessibleDescription(
    /not correct/,
    AFTER_HASHING,
  )
  await form.getByLabel('Password').fill(user.password)
  await form.getByRole('button', { name: 'Delete account' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Your account has been deleted',
    AFTER_HASHING,
  )
  await expectSignedOut(page)
  expect((await page.request.get(`/u/${user.username}`)).status()).toBe(404)

  await signUp(page, user)
  await expectSignedInAs(page, user.username)
})

test.describe('@js-only', () => {
  for (const path of ['/signin', '/signup']) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path)
      await expectNoAxeViolations(page)
    })
  }

  test.describe('signed in as the member', () => {
    test.use(asMember)
    test('axe finds no violations on /settings', async ({ page }) => {
      await page.goto('/settings')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
      await expectNoAxeViolations(page)
    })
  })

  test('failed sign-up moves focus to the first field with an error', async ({ page }) => {
    await signUp(page, { ...newUser(), username: 'x' })
    await expect(page.getByLabel('Username')).toBeFocused()
  })
})
