/**
 * The site's featured curated list, shown at `/`: the list the bundled catalogue loads and
 * `npm run db:import` updates by default. lib/routes.ts routes `/` to it.
 */
export const FEATURED_LIST = {
  slug: 'soviet-films-of-the-great-patriotic-war',
  title: 'Soviet films of the Great Patriotic War',
} as const
