import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UsageError } from './environment.js'

const held = new Set<string>()

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Claims the embedded database for this process. PGlite has no server to arbitrate: two processes
 * writing one data dir corrupt it, so a `relais keys create` next to a running server must refuse.
 * A lock left by a process that died is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'relais.pid')
  mkdirSync(dataDir, { recursive: true })
  if (held.has(file)) throw new UsageError(`The embedded database in ${dataDir} is already open in this process.`)
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const owner = Number(readFileSync(file, 'utf8').trim())
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new UsageError(
        `The embedded database in ${dataDir} is in use by process ${owner} (a running relais server?). ` +
          `PGlite allows one process at a time: stop it first, or use PostgreSQL with DATABASE_URL. ` +
          `If no Relais is running, delete ${file}.`,
      )
    }
    writeFileSync(file, String(process.pid))
  }
  held.add(file)
  return function release() {
    if (!held.delete(file)) return
    rmSync(file, { force: true })
  }
}
