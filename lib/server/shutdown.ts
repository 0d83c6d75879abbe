import type { Server } from 'node:http'

/**
 * On SIGTERM or SIGINT the server stops accepting connections, lets the requests in flight finish
 * (closing each connection after its response), runs `cleanUp`, and exits; whatever is still
 * running after `timeoutMs` is cut off so that the process is gone within that time.
 */
export function stopGracefully(
  server: Server,
  { timeoutMs, cleanUp }: { timeoutMs: number; cleanUp: () => Promise<void> },
) {
  let stopping = false

  server.on('request', (_req, res) => {
    if (stopping) res.setHeader('connection', 'close')
  })

  async function stop(signal: NodeJS.Signals) {
    if (stopping) return
    stopping = true
    console.log(`${signal}: finishing the requests in flight, then stopping`)
    const deadline = setTimeout(() => {
      console.error(`Requests still running after ${timeoutMs} ms: stopping anyway`)
      process.exit(1)
    }, timeoutMs)
    deadline.unref()
    // Past a little over half the time, connections still open are closed to leave time to clean up.
    setTimeout(() => server.closeAllConnections(), timeoutMs * 0.6).unref()
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    // A keep-alive connection whose response has just finished is idle: close it then.
    setInterval(() => server.closeIdleConnections(), 50).unref()
    await closed
    try {
      await cleanUp()
    } catch (error) {
      console.error(`Stopping: ${(error as Error).message}`)
    }
    process.exit(0)
  }

  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  return { stopping: () => stopping }
}
