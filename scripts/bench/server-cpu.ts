// The CPU time the server spends on one request of a page, from Linux's /proc. On a machine that
// other work shares, a page's rate depends on who else is running; the CPU it costs the server
// barely does, so two pages compared this way are compared on their own work.
import { readdirSync, readFileSync } from 'node:fs'
import { median, sample, type Load } from './load'

// USER_HZ: /proc counts CPU time in these ticks (100 a second on every Linux that Node runs on).
const TICKS_PER_SEC = 100

/** CPU time (user and system) used so far by every process of a process group, in ms. */
export function groupCpuMs(group: number): number {
  let ticks = 0
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      // "pid (comm) state ppid pgrp … utime stime …": comm may hold spaces, so read after ')'.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // The process ended while being read.
    }
  }
  return (ticks * 1000) / TICKS_PER_SEC
}

export type CpuPerRequest = { id: string; cpuMsPerRequest: number; rounds: number[] }

/**
 * The server's CPU ms per request of each load, median of `rounds` rounds that take the loads in
 * turn (so a burst of other work touches all alike), over a few connections. Each load is first
 * tried with `probe` requests; a round then sends as many as cost about `cpuMsPerRound`: /proc
 * counts in 10 ms ticks, so a page served from the cache in a third of a millisecond needs
 * thousands of requests to be told apart from another within a few percent.
 */
export async function cpuPerRequest(
  baseUrl: string,
  group: number,
  loads: { id: string; load: Load }[],
  { rounds = 3, probe = 200, cpuMsPerRound = 2000, maxAmount = 20_000, connections = 4 } = {},
): Promise<CpuPerRequest[]> {
  const measured = new Map(loads.map(({ id }) => [id, [] as number[]]))
  const amounts = new Map<string, number>()
  for (const { id, load } of loads) {
    const before = groupCpuMs(group)
    await sample(baseUrl, load, { connections, amount: probe })
    const perRequest = Math.max((groupCpuMs(group) - before) / probe, 0.05)
    amounts.set(id, Math.min(maxAmount, Math.max(probe, Math.ceil(cpuMsPerRound / perRequest))))
  }
  for (let round = 0; round < rounds; round++) {
    for (const { id, load } of round % 2 === 0 ? loads : [...loads].reverse()) {
      const amount = amounts.get(id)!
      const before = groupCpuMs(group)
      await sample(baseUrl, load, { connections, amount })
      measured.get(id)!.push((groupCpuMs(group) - before) / amount)
    }
  }
  return loads.map(({ id }) => ({
    id,
    cpuMsPerRequest: median(measured.get(id)!),
    rounds: measured.get(id)!,
  }))
}
