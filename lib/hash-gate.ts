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
  // Urgent jobs (a member signing in) are served before any that were queued without hurry.
  const urgentWaiting: (() => void)[] = []
  const waiting: (() => void)[] = []
  const queued = () => urgentWaiting.length + waiting.length

  return {
    async run<T>(job: () => Promise<T>, { urgent = false }: { urgent?: boolean } = {}): Promise<T> {
      if (running >= concurrency) {
        if (queued() >= queue) throw new Busy(retryAfterSeconds)
        await new Promise<void>((resolve) => (urgent ? urgentWaiting : waiting).push(resolve))
      } else {
        running++
      }
      try {
        return await job()
      } finally {
        // Hand the slot straight to the next in line, or free it.
        const next = urgentWaiting.shift() ?? waiting.shift()
        if (next) next()
        else running--
      }
    },
    /** Whether `run` would refuse a job now. */
    get full() {
      return running >= concurrency && queued() >= queue
    },
    get load() {
      return { running, waiting: queued() }
    },
  }
}
