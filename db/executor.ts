import 'server-only'
import type { Database } from './client'

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Database | Transaction
