// Peak resident memory of the bench's server processes, from Linux's /proc (VmHWM: the most the
// process has held in RAM since it started, so read after the load it includes the load's peak).
import { readdirSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'

export type ProcessMemory = { name: string; pid: number; peakRssMb: number; rssMb: number }

const kb = (status: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN)

/** One process's memory now and at its peak; null where /proc is missing or the process gone. */
export function memoryOf(pid: number, name: string): ProcessMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return { name, pid, peakRssMb: kb(status, 'VmHWM') / 1024, rssMb: kb(status, 'VmRSS') / 1024 }
  } catch {
    return null
  }
}

/**
 * The Node processes of a process group (`npm start` runs npm, tsx's launcher and the server
 * itself), each named by its command line.
 */
export function nodeProcessesOf(group: number): ProcessMemory[] {
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))
  } catch {
    return []
  }
  const found: ProcessMemory[] = []
  for (const pid of pids) {
    try {
      // "pid (comm) state ppid pgrp ...": comm may hold spaces, so read after its closing paren.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
      if (pgrp !== group) continue
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
      if (!argv[0]?.endsWith('node')) continue
      const command = argv.slice(1).map((arg) => (arg.startsWith('-') ? arg : basename(arg)))
      const memory = memoryOf(Number(pid), command.join(' '))
      if (memory) found.push(memory)
    } catch {
      // The process ended while being read.
    }
  }
  return found
}
