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
 * turn (so a burst of other work touches all alike), each `amount` requests over a few
 * connections.
 */
export async function cpuPerRequest(
  baseUrl: string,
  group: number,
  loads: { id: string; load: Load }[],
  { rounds = 3, amount = 200, connections = 4 } = {},
): Promise<CpuPerRequest[]> {
  const measured = new Map(loads.map(({ id }) => [id, [] as number[]]))
  for (let round = 0; round < rounds; round++) {
    for (const { id, load } of round % 2 === 0 ? loads : [...loads].reverse()) {
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
