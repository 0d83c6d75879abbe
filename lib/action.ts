import 'server-only'
import type { z } from 'zod'
import type { Viewer } from '@/db/users'
import {
  CHECK_FIELDS,
  type ActionFailure,
  type ActionResult,
  type FormAction,
} from './action-result'
import { COULD_NOT_SAVE, unlessRefused } from './database-failure'
import { fieldErrorsOf } from './rules/common'
import { pageOfOrigin, requireViewer } from './viewer'

// Every server action runs the same steps: who is asking → read and validate the form → the
// action's own work (a typed call into db/, then invalidation, then any redirect) → one result.

export const UNREADABLE_FORM = 'This form could not be read. Reload the page and try again.'

type FormSchema = z.ZodObject

type Options = {
  /**
   * Fields the person cannot correct where they are (hidden ids, a control with no error slot of
   * its own): an error in one of them becomes the form's message.
   */
  inMessage?: readonly string[]
  /** Where someone whose session has ended is sent back after signing in, if the browser did not say. */
  returnTo?: string
}

type Work<S extends FormSchema, Data extends object, Context> = (
  input: z.output<S>,
  context: Context & { formData: FormData },
) => Promise<ActionResult<NoInfer<Data>>>

/** An action that changes a member's data: refused (sent to sign in) without a live session. */
export function memberAction<S extends FormSchema, Data extends object = object>(
  schema: S,
  work: Work<S, Data, { viewer: Viewer }>,
  options: Options = {},
): FormAction<Data> {
  return async (...args: unknown[]) => {
    const viewer = await requireViewer(await pageOfOrigin(options.returnTo ?? '/'))
    return runForm(args, schema, options, (input, formData) => work(input, { viewer, formData }))
  }
}

/** An action anyone may send: signing in and signing up. */
export function publicAction<S extends FormSchema, Data extends object = object>(
  schema: S,
  work: Work<S, Data, object>,
  options: Options = {},
): FormAction<Data> {
  return async (...args: unknown[]) =>
    runForm(args, schema, options, (input, formData) => work(input, { formData }))
}

async function runForm<S extends FormSchema, Data extends object>(
  args: unknown[],
  schema: S,
  options: Options,
  work: (input: z.output<S>, formData: FormData) => Promise<ActionResult<Data>>,
): Promise<ActionResult<Data>> {
  const formData = formDataOf(args)
  if (!formData) return { ok: false, message: UNREADABLE_FORM }
  const fields = fieldsOf(formData, Object.keys(schema.shape))
  const parsed = schema.safeParse(fields)
  if (!parsed.success) return rejected(parsed.error, fields, options.inMessage ?? [])
  const result = await unlessRefused(() => work(parsed.data, formData))
  if (!result) return { ok: false, message: COULD_NOT_SAVE, values: typedValues(fields) }
  return result.ok || result.values ? result : { ...result, values: typedValues(fields) }
}

/** useActionState calls an action with (previous state, form data), a form's own action with (form data). */
function formDataOf(args: unknown[]): FormData | null {
  if (args.length === 1 && args[0] instanceof FormData) return args[0]
  if (args.length === 2 && args[1] instanceof FormData && !(args[0] instanceof FormData)) {
    return args[1]
  }
  return null
}

/** The named text fields, for zod: a file, or a name sent twice after the first, is ignored. */
function fieldsOf(formData: FormData, names: string[]): Record<string, string | undefined> {
  return Object.fromEntries(
    names.map((name) => {
      const value = formData.get(name)
      return [name, typeof value === 'string' ? value : undefined]
    }),
  )
}

/** What was typed, to fill the form again without JavaScript: never a password. */
function typedValues(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).flatMap(([name, value]) =>
      value === undefined || /password/i.test(name) ? [] : [[name, value]],
    ),
  )
}

function rejected(
  error: z.ZodError,
  fields: Record<string, string | undefined>,
  inMessage: readonly string[],
): ActionFailure {
  const fieldErrors = fieldErrorsOf(error)
  const values = typedValues(fields)
  const uncorrectable = inMessage.find((name) => fieldErrors[name])
  if (uncorrectable) return { ok: false, message: fieldErrors[uncorrectable]![0]!, values }
  return { ok: false, message: CHECK_FIELDS, fieldErrors, values }
}
