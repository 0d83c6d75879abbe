import { expect, test, type Page } from '@playwright/test'

type FilmExpectation = {
  slug: string
  title: string
  original: string
  year: string
  director: string
  description: RegExp
  fact: RegExp
  corrections: RegExp[]
  verified?: RegExp
}

const FILMS: FilmExpectation[] = [
  { slug: 'come-and-see', title: 'Come and See', original: 'Иди и смотри', year: '1985', director: 'Elem Klimov', description: /young Belarusian boy/, fact: /never directed another feature film/, corrections: [], verified: /Klimov's last film/ },
  { slug: 'the-dawns-here-are-quiet', title: 'The Dawns Here Are Quiet', original: 'А зори здесь тихие…', year: '1972', director: 'Stanislav Rostotsky', description: /female anti-aircraft gunners/, fact: /remade in 2015/, corrections: [], verified: /2015/ },
  { slug: 'father-of-a-soldier', title: 'Father of a Soldier', original: 'Отец солдата', year: '1964', director: 'Rezo Chkheidze', description: /old peasant who travels to the front/, fact: /remade in 2010/, corrections: [/No 2010 remake could be found/] },
  { slug: 'the-battle-of-stalingrad', title: 'The Battle of Stalingrad', original: 'Сталинградская битва', year: '1949', director: 'Vladimir Petrov', description: /pivotal battles of WWII/, fact: /propaganda tool/, corrections: [/came out in 1949/] },
  { slug: 'the-cranes-are-flying', title: 'The Cranes Are Flying', original: 'Летят журавли', year: '1957', director: 'Mikhail Kalatozov', description: /A love story set against the backdrop of war/, fact: /Palme d'Or/, corrections: [], verified: /Cannes in 1958/ },
  { slug: 'ballad-of-a-soldier', title: 'Ballad of a Soldier', original: 'Баллада о солдате', year: '1959', director: 'Grigori Chukhrai', description: /brief leave from the front/, fact: /Academy Award/, corrections: [], verified: /nominated for an Academy Award/ },
  { slug: 'liberation', title: 'Liberation', original: 'Освобождение', year: '1970–1971', director: 'Yuri Ozerov', description: /two Soviet partisans/, fact: /Golden Prize at the 10th Moscow/, corrections: [/released in 1970 and 1971, not in 1977/, /describe The Ascent/, /The Fifth Seal, El puente and Mimino/] },
  { slug: 'two-soldiers', title: 'Two Soldiers', original: 'Два бойца', year: '1943', director: 'Leonid Lukov', description: /two brothers/, fact: /made during WWII/, corrections: [/friends, not brothers/] },
  { slug: 'the-living-and-the-dead', title: 'The Living and the Dead', original: 'Живые и мёртвые', year: '1964', director: 'Aleksandr Stolper', description: /psychological and physical toll/, fact: /incompetence of some military leaders/, corrections: [/usually known in English as The Living and the Dead/] },
] // prettier-ignore

/** What the film's facts say beside a term, such as "Year". */
const fact = (page: Page, term: string) =>
  page.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]')

for (const film of FILMS) {
  test(`film page: ${film.title} @same-without-js`, async ({ page }) => {
    const response = await page.goto(`/films/${film.slug}`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(film.title)
    await expect(page.locator('p[lang="ru"]')).toHaveText(film.original)
    await expect(fact(page, 'Year')).toHaveText(film.year)
    await expect(fact(page, 'Director').getByRole('link', { name: film.director })).toHaveAttribute(
      'href',
      /^\/people\//,
    )

    const notes = page.getByRole('region', { name: 'In the curated list' })
    await expect(notes.locator('blockquote').first()).toContainText(film.description)
    await expect(notes.locator('blockquote').nth(1)).toContainText(film.fact)
    const corrections = notes.getByRole('note', { name: 'Correction' })
    await expect(corrections).toHaveCount(film.corrections.length)
    for (const [i, text] of film.corrections.entries()) {
      await expect(corrections.nth(i)).toContainText(text)
      await expect(corrections.nth(i).getByRole('link').last()).toHaveAttribute(
        'href',
        /^https:\/\//,
      )
    }
    const verified = notes.getByRole('note', { name: 'Verified' })
    if (film.verified) await expect(verified).toContainText(film.verified)
    // An entry whose claims were not verified shows no mark at all.
    else await expect(verified).toHaveCount(0)
    await expect(page).toHaveTitle(`${film.title} (${film.year}) — Kinofront`)
  })
}

test('Liberation lists its five films and links the correction to The Ascent @same-without-js', async ({
  page,
}) => {
  await page.goto('/films/liberation')
  const parts = page
    .getByRole('heading', { name: 'The 5 films' })
    .locator('xpath=following-sibling::ol[1]')
  await expect(parts.getByRole('listitem')).toHaveText([
    'The Fire Bulge (1970)',
    'Breakthrough (1970)',
    'Direction of the Main Blow (1971)',
    'The Battle of Berlin (1971)',
    'The Last Assault (1971)',
  ])
  await page.getByRole('link', { name: 'The Ascent' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Ascent')
  await expect(page.getByRole('link', { name: 'Larisa Shepitko' }).first()).toBeVisible()
})

test('the Georgian title of Father of a Soldier is marked as Georgian @same-without-js', async ({
  page,
}) => {
  await page.goto('/films/father-of-a-soldier')
  await expect(page.locator('dd[lang="ka"]')).toHaveText('ჯარისკაცის მამა')
})

test('film page carries JSON-LD, description, canonical and OpenGraph tags @same-without-js', async ({
  page,
}) => {
  await page.goto('/films/the-cranes-are-flying')
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '',
  )
  expect(jsonLd).toMatchObject({
    '@type': 'Movie',
    name: 'The Cranes Are Flying',
    dateCreated: '1957',
    duration: 'PT95M',
    director: [{ '@type': 'Person', name: 'Mikhail Kalatozov' }],
  })
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Kalatozov/)
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/films\/the-cranes-are-flying$/,
  )
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'The Cranes Are Flying (1957)',
  )
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'video.movie')
})

test('an old slug redirects permanently to the canonical one @same-without-js', async ({
  page,
  request,
}) => {
  const response = await request.get('/films/the-alive-and-the-dead', { maxRedirects: 0 })
  expect(response.status()).toBe(308)
  expect(response.headers()['location']).toMatch(/\/films\/the-living-and-the-dead$/)
  await page.goto('/films/the-alive-and-the-dead')
  await expect(page).toHaveURL(/\/films\/the-living-and-the-dead$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Living and the Dead')
})

test('an unknown film answers 404 with the search box and a way home', async ({ page }) => {
  const response = await page.goto('/films/no-such-film')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await expect(page.getByRole('link', { name: 'the curated list' })).toHaveAttribute('href', '/')
  const header = page.getByRole('banner')
  await header.getByRole('searchbox', { name: 'Search films' }).fill('cranes')
  await header.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/films\?q=cranes$/)
  await expect(page.getByRole('link', { name: 'The Cranes Are Flying' })).toBeVisible()
})

test("a person's page lists their films @same-without-js", async ({ page }) => {
  await page.goto('/films/the-cranes-are-flying')
  await page.getByRole('link', { name: 'Aleksey Batalov' }).click()
  await expect(page).toHaveURL(/\/people\/aleksei-batalov$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aleksey Batalov')
  await expect(page.getByText(/^\d+ films? in the catalogue$/)).toBeVisible()
  const actedIn = page.getByRole('list', { name: 'Acted in: Aleksey Batalov' })
  await expect(actedIn.getByRole('link', { name: 'The Cranes Are Flying' })).toBeVisible()
  await expect(actedIn.getByText('as Boris')).toBeVisible()
  expect((await page.request.get('/people/nobody-at-all')).status()).toBe(404)
})
