import { expect, type Locator, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'

export type TestUser = { username: string; email: string; password: string }

/** A new person, with a username and email nobody has yet. */
export function newUser(): TestUser {
  const id = randomBytes(5).toString('hex')
  return {
    username: `viewer_${id}`,
    email: `viewer.${id}@example.test`,
    password: `long enough passphrase ${id}`,
  }
}

export async function signUp(page: Page, user: TestUser, path = '/signup') {
  await page.goto(path)
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Email').fill(user.email)
  const passwordField = page.getByLabel('Password')
  await passwordField.fill(user.password)
  const submit = page.getByRole('button', { name: 'Create account' })
  await submitPasswordForm(page, submit, passwordField)
}

/**
 * Opens a members' page signed out, which sends the person to sign in; from there they follow
 * "Create an account", sign up, and land back on the page.
 */
export async function signUpFromSignInRedirect(page: Page, path: string) {
  const callback = `callbackUrl=${encodeURIComponent(path)}`
  await page.goto(path)
  await expect(page).toHaveURL(new RegExp(`/signin\\?${callback}$`))
  await page.getByRole('link', { name: 'Create an account' }).click()
  await expect(page).toHaveURL(new RegExp(`/signup\\?${callback}$`))
  await signUp(page, newUser(), page.url())
  await expect(page).toHaveURL(new RegExp(`${path}$`))
}

/** Signs a new person up through the form, then checks the header shows them signed in. */
export async function signUpNewUser(page: Page, path = '/signup') {
  const user = newUser()
  await signUp(page, user, path)
  await expectSignedInAs(page, user.username)
  return user
}

export async function signIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.getByLabel('Email').fill(email)
  const passwordField = page.getByLabel('Password', { exact: true })
  await passwordField.fill(password)
  const submit = page.getByRole('button', { name: 'Sign in', exact: true })
  await submitPasswordForm(page, submit, passwordField)
}

/**
 * Sends a form with a password and waits for the server's answer: the browser has moved on to
 * another page (done) or the form has come back with the password emptied (refused). Hashing a
 * password takes a while (signing up hashes twice), and on a busy machine far longer than a plain
 * assertion waits: 17 s has been seen.
 */
async function submitPasswordForm(page: Page, submit: Locator, passwordField: Locator) {
  const formPage = page.url()
  await submit.click()
  await expect(async () => {
    // A short look each time: with JavaScript the field goes before the address changes.
    if (page.url() === formPage) expect(await passwordField.inputValue({ timeout: 1_000 })).toBe('')
  }).toPass({ timeout: 30_000 })
}

export async function expectSignedInAs(page: Page, username: string) {
  const header = page.getByRole('banner')
  await expect(header.getByRole('link', { name: username })).toHaveAttribute(
    'href',
    `/u/${username}`,
  )
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0)
}

export async function expectSignedOut(page: Page) {
  const header = page.getByRole('banner')
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await expect(header.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
}

export async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await expectSignedOut(page)
}

/** For an assertion on the answer to a form whose password the server checks: hashing is slow. */
export const AFTER_HASHING = { timeout: 30_000 }

/** The form's own message (Next.js adds a route announcer, also an alert, to every page). */
export const formAlert = (page: Page) => page.getByRole('main').getByRole('alert')
