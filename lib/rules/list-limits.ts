// The limits the list rules check and the forms describe, in a module light enough for the
// browser (lib/rules/lists.ts brings zod).
export const LIST_TITLE_MAX = 100
export const LIST_DESCRIPTION_MAX = 2000
export const ENTRY_NOTE_MAX = 500
