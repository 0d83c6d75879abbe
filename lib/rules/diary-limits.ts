// The limits the diary rules check and the forms describe, in a module light enough for the
// browser (lib/rules/diary.ts carries zod).
export const MAX_REVIEW = 10_000
export const MAX_TAGS = 10
