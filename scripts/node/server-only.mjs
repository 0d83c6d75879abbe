// `server-only` throws unless imported under React's server condition, which Next's server bundle
// sets and plain Node does not. server.ts and the scripts run db/ modules in plain Node, so there
// it resolves to the package's own empty module: the guard still stops client bundles.
import { register } from 'node:module'

register('./server-only-resolve.mjs', import.meta.url)
