import cluster, { type Worker } from 'node:cluster'
import { UsageError } from './environment.js'

/** Set by the primary in each worker it forks: 1…N. The first one also runs the background jobs. */
const indexVariable = 'RELAIS_WORKER_INDEX'

/** This process's place among `relais serve --workers N`, or undefined when it is not a worker. */
export function workerIndex(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (!cluster.isWorker) return undefined
  const index = Number(env[indexVariable])
  return Number.isInteger(index) && index > 0 ? index : undefined
}

export function parseWorkers(value: string): number {
  const workers = Number(value)
  if (!/^\d{1,3}$/.test(value) || workers < 1 || workers > 256) {
    throw new UsageError(`--workers must be a number of processes from 1 to 256, not "${value}".`)
  }
  return workers
}

export interface ClusterOptions {
  workers: number
  log: (line: string) => void
  /** Wait this long before forking again a worker that died (default 1 s). */
  restartDelayMs?: number
}

/**
 * The primary of `relais serve --workers N`: forks N servers that share the listening port (Node's
 * cluster hands connections out round-robin), forks again any that dies, and on SIGINT or SIGTERM
 * passes the signal on and waits for every worker to finish its requests. It opens no database itself.
 */
export function runPrimary(options: ClusterOptions): Promise<void> {
  const { workers, log, restartDelayMs = 1000 } = options
  let stopping = false
  const running = new Map<Worker, number>()
  const fork = (index: number) => {
    const worker = cluster.fork({ [indexVariable]: String(index) })
    running.set(worker, index)
    worker.on('exit', (code, signal) => {
      running.delete(worker)
      if (stopping) return
      log(`Worker ${index} (pid ${worker.process.pid}) stopped (${signal ?? `code ${code}`}); starting it again.`)
      setTimeout(() => fork(index), restartDelayMs)
    })
  }
  for (let index = 1; index <= workers; index++) fork(index)
  log(`Relais primary (pid ${process.pid}): ${workers} workers share the port; worker 1 also runs the background jobs.`)
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        for (const worker of running.keys()) worker.process.kill('SIGKILL')
        return
      }
      stopping = true
      log(`\nStopping ${running.size} workers (${signal})…`)
      // SIGTERM whatever came: a worker given a second SIGINT (the terminal sends one to each) would stop at once.
      for (const worker of running.keys()) worker.process.kill('SIGTERM')
      const check = setInterval(() => {
        if (running.size > 0) return
        clearInterval(check)
        resolve()
      }, 50)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
