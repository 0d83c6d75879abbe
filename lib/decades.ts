/** A decade as it appears in a URL and a heading: 1940 ⇄ "1940s". */
export const decadeSlug = (decade: number) => `${decade}s`

export function decadeOfSlug(slug: string): number | null {
  const match = /^(\d{3}0)s$/.exec(slug)
  return match ? Number(match[1]) : null
}
