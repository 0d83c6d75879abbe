// The limits the account rules check and the forms describe, in a module light enough for the
// browser (lib/rules/accounts.ts carries the common-password list).
export const USERNAME_MIN_LENGTH = 3
export const USERNAME_MAX_LENGTH = 30
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 1024
