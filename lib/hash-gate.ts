/** Refused because as many as the gate allows are already running and waiting. */
export class Busy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('busy')
  }
}

/**
 * At most `concurrency` jobs at once and `queue` more waiting; beyond that, `Busy` at once rather
 * than an ever longer wait. Password hashing for new accounts goes through one, so a flood of
 * sign-ups takes one core's worth of hashing, not every core (per process).
 */
export function createGate({
  concurrency,
  queue,
  retryAfterSeconds,
}: {
  concurrency: number
  queue: number
  retryAfterSeconds: number
}) {
  let running = 0
  const waiting: (() => void)[] = []

  return {
    async run<T>(job: () => Promise<T>): Promise<T> {
      if (running >= concurrency) {
        if (waiting.length >= queue) throw new Busy(retryAfterSeconds)
        await new Promise<void>((resolve) => waiting.push(resolve))
      } else {
        running++
      }
      try {
        return await job()
      } finally {
        // Hand the slot straight to the next in line, or free it.
        const next = waiting.shift()
        if (next) next()
        else running--
      }
    },
    /** Whether `run` would refuse a job now. */
    get full() {
      return running >= concurrency && waiting.length >= queue
    },
    get load() {
      return { running, waiting: waiting.length }
    },
  }
}
