/** A `?page=` search parameter as a page number from 1; anything else is page 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const page = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1
  return Math.max(1, page)
}
