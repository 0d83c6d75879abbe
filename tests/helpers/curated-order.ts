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
