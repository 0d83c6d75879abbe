import { expect, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'

export type TestUser = { username: string; email: string; password: string }

/** A fresh person for each test, so tests never share an account. */
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
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Create account' }).click()
}

export async function signIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.getByLabel('Email').fill(email)
  const passwordField = page.getByLabel('Password', { exact: true })
  await passwordField.fill(password)
  const signInPage = page.url()
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  // The server has answered once the form has emptied the password (refused) or the browser has
  // moved on to another page (signed in).
  await expect(async () => {
    if (page.url() === signInPage) expect(await passwordField.inputValue()).toBe('')
  }).toPass({ timeout: 15_000 })
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

/** The form's own message (Next.js adds a route announcer, also an alert, to every page). */
export const formAlert = (page: Page) => page.getByRole('main').getByRole('alert')
