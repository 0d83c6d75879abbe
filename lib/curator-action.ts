import 'server-only'
import type { z } from 'zod'
import { asCurator, type Curator } from '@/db/curators'
import { memberAction } from './action'
import { failure, type ActionResult, type FormAction } from './action-result'

export const NOT_A_CURATOR = 'Only curators can change curated lists.'

/**
 * A curator's action: a member's action that also checks, on every call, that the member is a
 * curator now (the role may have been withdrawn since the page was loaded).
 */
export function curatorAction<S extends z.ZodObject, Data extends object = object>(
  schema: S,
  work: (
    input: z.output<S>,
    context: { curator: Curator; formData: FormData },
  ) => Promise<ActionResult<NoInfer<Data>>>,
  options: { inMessage?: readonly string[]; returnTo?: string } = {},
): FormAction<Data> {
  return memberAction<S, Data>(
    schema,
    async (input, { viewer, formData }) => {
      const curator = await asCurator(viewer)
      if (!curator) return failure(NOT_A_CURATOR)
      return work(input, { curator, formData })
    },
    { returnTo: '/curate', ...options },
  )
}
