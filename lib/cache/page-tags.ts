import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'

/** The tag under which Next caches the page at `path`: what `revalidatePath(path)` expires. */
export const pageTag = (path: string) => `_N_T_${path}`

/**
 * Expires tags in this process's Next, as `revalidatePath` does inside a request: a cached page
 * with one of them, stored before `at`, is rendered again on its next request. Next keeps its
 * expired tags in this module-level map (shared by its request handler and its cache handlers);
 * its API can only be called inside a request or a server action, so the change feed writes here.
 */
export function expireTagsHere(tags: readonly string[], at = Date.now()) {
  for (const tag of tags) tagsManifest.set(tag, { ...tagsManifest.get(tag), expired: at })
}
