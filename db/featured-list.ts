/**
 * The bundled curated list, which the catalogue loads (db/prepare.ts) with its corrections. It is
 * the featured list, shown at `/`, until a curator features another (db/featured-choice.ts).
 */
export const FEATURED_LIST = {
  slug: 'soviet-films-of-the-great-patriotic-war',
  title: 'Soviet films of the Great Patriotic War',
} as const
