import { readFileSync } from 'node:fs'

/** A curated list of our own in the article's format, from tests/fixtures/curated/. */
export function curatedFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/curated/${name}`, import.meta.url), 'utf8')
}
