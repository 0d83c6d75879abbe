// A server that stops as server.ts does on SIGTERM; GET /slow answers after 1.5 s.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { stopGracefully } from '@/lib/server/shutdown'

const server = createServer((req, res) => {
  const delay = req.url === '/slow' ? 1500 : 0
  setTimeout(() => res.end(`done ${req.url}`), delay)
})
stopGracefully(server, {
  timeoutMs: 10_000,
  cleanUp: async () => console.log('cleaned up'),
})
server.listen(0, '127.0.0.1', () => {
  console.log(`port ${(server.address() as AddressInfo).port}`)
})
