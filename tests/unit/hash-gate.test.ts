import { describe, expect, it } from 'vitest'
import { Busy, createGate } from '@/lib/hash-gate'

/** A job that finishes when told to. */
function job<T>(value: T) {
  let finish!: () => void
  const done = new Promise<void>((resolve) => (finish = resolve))
  return { run: async () => (await done, value), finish }
}

describe('hash gate', () => {
  it('runs `concurrency` jobs at once, queues `queue` more, and refuses the rest as Busy', async () => {
    const gate = createGate({ concurrency: 1, queue: 2, retryAfterSeconds: 5 })
    const jobs = [job('a'), job('b'), job('c')]
    const results = jobs.map((j) => gate.run(j.run))
    expect(gate.load).toEqual({ running: 1, waiting: 2 })
    expect(gate.full).toBe(true)
    await expect(gate.run(job('d').run)).rejects.toEqual(new Busy(5))

    jobs[0]!.finish()
    expect(await results[0]).toBe('a')
    // The freed slot went to the next in line: still one running.
    expect(gate.load).toEqual({ running: 1, waiting: 1 })
    expect(gate.full).toBe(false)
    jobs[1]!.finish()
    jobs[2]!.finish()
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c'])
    expect(gate.load).toEqual({ running: 0, waiting: 0 })
  })

  it('frees the slot when a job fails', async () => {
    const gate = createGate({ concurrency: 1, queue: 0, retryAfterSeconds: 1 })
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await gate.run(async () => 'next')).toBe('next')
  })
})

describe('hash gate priority', () => {
  it('serves urgent jobs before those queued earlier without hurry, each kind in order', async () => {
    const gate = createGate({ concurrency: 1, queue: 4, retryAfterSeconds: 5 })
    const started: string[] = []
    const jobs = new Map(['running', 'sign-up 1', 'sign-up 2', 'sign-in 1', 'sign-in 2'].map((name) => [name, job(name)])) // prettier-ignore
    const run = (name: string, urgent: boolean) =>
      gate.run(() => (started.push(name), jobs.get(name)!.run()), { urgent })
    const results = [
      run('running', false),
      run('sign-up 1', false),
      run('sign-up 2', false),
      run('sign-in 1', true),
      run('sign-in 2', true),
    ]
    expect(gate.load).toEqual({ running: 1, waiting: 4 })
    // Urgent or not, the queue's size is one limit.
    await expect(gate.run(job('more').run, { urgent: true })).rejects.toEqual(new Busy(5))
    for (const j of jobs.values()) j.finish()
    await Promise.all(results)
    expect(started).toEqual(['running', 'sign-in 1', 'sign-in 2', 'sign-up 1', 'sign-up 2'])
    expect(gate.load).toEqual({ running: 0, waiting: 0 })
  })
})
