import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createWriteStream, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export const apiDirectory = fileURLToPath(new URL('..', import.meta.url))

export interface ServerProcess {
  url: string
  port: number
  pid: number
  child: ChildProcess
  stop(signal?: NodeJS.Signals): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

export interface ApiOptions {
  databaseUrl: string
  port?: number
  /** Extra arguments of `relais serve`, such as `--workers 2`. */
  args?: string[]
  /** Extra arguments of node itself, such as `--import file`. */
  nodeArgs?: string[]
  /** Where the server's output goes. */
  logFile: string
  env?: Record<string, string>
}

/** The old-space bound production runs with (docs/deploying.md). */
const productionHeapMb = 256

let built = false

/** Compiles the API once per run (`pnpm build`, a few seconds): the bench measures what production runs. */
function buildApi(): void {
  if (built) return
  execFileSync('pnpm', ['build'], { cwd: apiDirectory, stdio: ['ignore', 'ignore', 'inherit'] })
  built = true
}

/**
 * Starts `relais serve` as its own process, compiled (dist/cli/main.js) as in production: under
 * tsx it would also carry the TypeScript compiler's memory. Rate limits and the forms' proof of
 * work are off: the bench measures the API, not its abuse guards. It runs no background jobs, as
 * docs/deploying.md advises under load: e-mails are `startWorker`'s.
 */
export async function startApi(options: ApiOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const child = startRelais(['serve', '--port', String(port), '--no-worker', ...(options.args ?? [])], options)
  const url = `http://127.0.0.1:${port}`
  await waitReady(url, child, 60_000)
  return { url, port, pid: child.pid ?? 0, child, stop: (signal = 'SIGTERM') => stopChild(child, signal) }
}

/** Starts `relais worker`, the process that sends the e-mails, once it runs jobs. */
export async function startWorker(options: Omit<ApiOptions, 'port' | 'args'>): Promise<ServerProcess> {
  const child = startRelais(['worker'], options)
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('relais worker did not start within 60 s')), 60_000)
    const started = (chunk: Buffer) => {
      if (!chunk.toString().includes('running jobs')) return
      clearTimeout(timer)
      child.stderr?.off('data', started)
      resolve()
    }
    child.stderr?.on('data', started)
    child.once('exit', (code) => reject(new Error(`relais worker exited with code ${code}`)))
  })
  return { url: '', port: 0, pid: child.pid ?? 0, child, stop: (signal = 'SIGTERM') => stopChild(child, signal) }
}

function startRelais(command: string[], options: Omit<ApiOptions, 'port' | 'args'>): ChildProcess {
  buildApi()
  const log = createWriteStream(options.logFile, { flags: 'a' })
  const child = spawn(
    process.execPath,
    // As docs/deploying.md runs it: without a bound, V8 lets the heap grow past 300 MB under load.
    [`--max-old-space-size=${productionHeapMb}`, ...(options.nodeArgs ?? []), 'dist/cli/main.js', ...command],
    {
      cwd: apiDirectory,
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        RELAIS_RATE_LIMITS: 'off',
        // Public forms ask browsers for a proof of work; the bench measures the API behind it.
        RELAIS_PROOF_OF_WORK: 'off',
        HOST: '127.0.0.1',
        INIT_CWD: apiDirectory,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  // Not ended with the child: a killed server must not close the log the others still write to.
  child.stdout?.pipe(log, { end: false })
  child.stderr?.pipe(log, { end: false })
  child.once('exit', () => setTimeout(() => log.end(), 100))
  return child
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/** Polls /readyz until the API answers 200 (it answers 503 while migrating). */
export async function waitReady(url: string, child: ChildProcess | undefined, timeoutMs: number): Promise<number> {
  const started = performance.now()
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })
      await response.arrayBuffer()
      if (response.status === 200) return performance.now() - started
    } catch {}
    if (performance.now() - started > timeoutMs) throw new Error(`${url} was not ready after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The node processes a cluster primary forked. */
export function childPids(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1])
        return parent === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('cli/main.js')
      } catch {
        return false
      }
    })
    .map(Number)
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status)
    return match ? Number(match[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

/** Samples the RSS of `pids` (summed) every 100 ms until stopped; answers the maximum seen. */
export function sampleRss(pids: () => number[]) {
  let max = 0
  const sample = () => {
    const total = pids().reduce((sum, pid) => sum + (rssMb(pid) ?? 0), 0)
    if (total > max) max = total
  }
  sample()
  const timer = setInterval(sample, 100)
  return {
    stop(): number {
      clearInterval(timer)
      sample()
      return Math.round(max)
    },
  }
}
