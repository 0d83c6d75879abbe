import { FEATURED_LIST } from '@/db/featured-list'

/** The films of the bundled curated list (../shared/seed/curated-list.txt), in its order. */
export const CURATED_ORDER = [
  'come-and-see',
  'the-dawns-here-are-quiet',
  'father-of-a-soldier',
  'the-battle-of-stalingrad',
  'the-cranes-are-flying',
  'ballad-of-a-soldier',
  'liberation',
  'two-soldiers',
  'the-living-and-the-dead',
]

/** What importing the bundled list into a catalogue without it reports. */
export const BUNDLED_REPORT = {
  list: FEATURED_LIST.slug,
  entries: 9,
  added: 9,
  changed: 0,
  unchanged: 0,
  removed: 0,
  createdFilms: [],
  warnings: [
    'the introduction announces 10 films, but the list has 9',
    'line 33: "Liberation" is listed as 1977; the catalogue has 1970–1971',
  ],
  notInCatalogue: [],
  droppedJudgements: 0,
  changedFilms: CURATED_ORDER,
}
