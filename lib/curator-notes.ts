/** The id of a film page's section about one curated list, unique per list on the page. */
export function curatorNotesId(listSlug: string): string {
  return `curator-notes-${listSlug}`
}
