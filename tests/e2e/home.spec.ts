import { expect, test } from '@playwright/test'

const CURATED_ORDER = [
  ['Come and See', '1985', 'Elem Klimov'],
  ['The Dawns Here Are Quiet', '1972', 'Stanislav Rostotsky'],
  ['Father of a Soldier', '1964', 'Rezo Chkheidze'],
  ['The Battle of Stalingrad', '1949', 'Vladimir Petrov'],
  ['The Cranes Are Flying', '1957', 'Mikhail Kalatozov'],
  ['Ballad of a Soldier', '1959', 'Grigori Chukhrai'],
  ['Liberation', '1970–1971', 'Yuri Ozerov'],
  ['Two Soldiers', '1943', 'Leonid Lukov'],
  ['The Living and the Dead', '1964', 'Aleksandr Stolper'],
]

test('home shows the curated list: title, introduction and nine entries in order @same-without-js', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Soviet films of the Great Patriotic War',
  )
  await expect(page.getByText(/This curated list of 10 films provides/)).toBeVisible()

  const entries = page
    .getByRole('list', { name: 'Films in the curated list' })
    .getByRole('listitem')
  await expect(entries).toHaveCount(9)
  for (const [i, [title, year, director]] of CURATED_ORDER.entries()) {
    const entry = entries.nth(i)
    await expect(entry.getByRole('heading', { level: 2 })).toHaveText(`${title} (${year})`)
    await expect(entry.getByRole('link', { name: title, exact: true })).toHaveAttribute(
      'href',
      /\/films\//,
    )
    await expect(entry.getByRole('link', { name: director })).toBeVisible()
  }
  await expect(entries.first()).toContainText(
    'A harrowing anti-war film that follows a young Belarusian boy',
  )
})

test('home marks the entries that have corrections, and the list-level one @same-without-js', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('note', { name: 'Correction' }).first()).toContainText(
    'The introduction promises 10 films, but the list has 9.',
  )
  const entries = page
    .getByRole('list', { name: 'Films in the curated list' })
    .getByRole('listitem')
  await expect(entries.nth(6).getByRole('link', { name: /3 corrections/ })).toHaveAttribute(
    'href',
    '/films/liberation#curator-notes-soviet-films-of-the-great-patriotic-war',
  )
  await expect(entries.nth(8)).toContainText('Listed as “The Alive and the Dead (1964)”')
  await expect(entries.nth(0).getByRole('link', { name: /correction/ })).toHaveCount(0)
})

test('the correction marker leads to the corrections on the film page @same-without-js', async ({
  page,
}) => {
  await page.goto('/')
  await page.getByRole('link', { name: /1 correction to the entry for Two Soldiers/ }).click()
  await expect(page).toHaveURL(
    /\/films\/two-soldiers#curator-notes-soviet-films-of-the-great-patriotic-war$/,
  )
  await expect(page.getByRole('heading', { name: 'In the curated list' })).toBeVisible()
})
