import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** Milliseconds of CPU, user and system, per request served, of the server and of PostgreSQL. */
export interface CpuPerRequest {
  server: number
  database: number
}

// /proc counts CPU in clock ticks, 100 a second on most Linux systems: asked once.
let tickMs: number | undefined
function msPerTick(): number {
  tickMs ??= 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100)
  return tickMs
}

/** CPU time of one process so far (all its threads, GC and I/O threads included), from /proc (Linux). */
function processCpuMs(pid: number): number {
  try {
    // The command name, in parentheses, may hold spaces: the fields are counted after it.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) * msPerTick()
  } catch {
    return 0
  }
}

/** CPU time so far of each PostgreSQL process on this machine, by pid. */
function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        byPid.set(Number(entry), processCpuMs(Number(entry)))
    } catch {}
  }
  return byPid
}

/** What the PostgreSQL processes spent since `before`: a backend started meanwhile counts whole; one gone is lost. */
function postgresCpuSince(before: Map<number, number>): number {
  let total = 0
  for (const [pid, ms] of postgresCpuMs()) total += ms - (before.get(pid) ?? 0)
  return total
}

/**
 * Starts counting the CPU the server's processes and PostgreSQL spend; `stop(requests)` answers it
 * per request. Unlike requests per second, this holds on a machine others load meanwhile (what the
 * load generator spends is not in it). PostgreSQL's share includes what others ask of it meanwhile,
 * and misses what backends that ended meanwhile spent.
 */
export function countCpu(pids: () => number[]) {
  const serverAt = (list: number[]) => list.reduce((sum, pid) => sum + processCpuMs(pid), 0)
  const watched = pids()
  const server = serverAt(watched)
  const database = postgresCpuMs()
  return {
    stop(requests: number): CpuPerRequest {
      const perRequest = (ms: number) => (requests > 0 ? Math.round((ms / requests) * 1000) / 1000 : 0)
      return {
        server: perRequest(serverAt(watched) - server),
        database: perRequest(postgresCpuSince(database)),
      }
    },
  }
}
