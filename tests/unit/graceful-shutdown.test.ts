import { afterAll, describe, expect, it } from 'vitest'
import { finished, printed, runScript } from '../helpers/processes'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a server stopping on SIGTERM (lib/server/shutdown.ts)', () => {
  const server = runScript('tests/helpers/processes/graceful-server.ts', [], {})
  const exit = finished(server)
  afterAll(() => void server.kill('SIGKILL'))

  it('finishes the request in flight, refuses new ones, cleans up and exits', async () => {
    const [, port] = await printed(server, /port (\d+)/)
    const origin = `http://127.0.0.1:${port}`
    expect(await (await fetch(`${origin}/quick`)).text()).toBe('done /quick')

    const inFlight = fetch(`${origin}/slow`).then((response) => response.text())
    await sleep(300) // the request has reached the server and waits for its answer
    server.kill('SIGTERM')
    await sleep(300)
    await expect(fetch(`${origin}/quick`)).rejects.toThrow()
    expect(await inFlight).toBe('done /slow')

    const { code, output } = await exit
    expect(code).toBe(0)
    expect(output).toContain('SIGTERM: finishing the requests in flight')
    expect(output).toContain('cleaned up')
  }, 20_000)
})
