import { test as base } from '@playwright/test'

/**
 * Each test signs in from an address of its own (the e2e server trusts X-Forwarded-For), so
 * the per-address sign-in throttle of one test never blocks another.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    const octet = () => Math.floor(Math.random() * 250) + 1
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}` })
    await use(context)
  },
})

export { expect } from '@playwright/test'
