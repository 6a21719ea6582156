// A PostgreSQL restart or failover cuts every connection at once. Requests in flight fail (their
// clients retry, with their idempotency keys), /readyz says 503, and the pool reconnects when the
// server is back. One library does not wait for all of its statements: pg-boss marks a job done or
// failed without awaiting it, so a cut connection there becomes an unhandled rejection, which Node
// turns into a crash. Those are logged instead: the job stays active until it expires and runs
// again, so nothing is lost. Any other unhandled rejection is a bug and still stops the process.

const connectionErrorCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
])
const connectionMessages =
  /Connection terminated|connection error|terminating connection|database system is (starting up|shutting down|in recovery)|Client was closed/i

/** Whether an error says the database connection went away, rather than a mistake in Relais. */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  return (typeof code === 'string' && connectionErrorCodes.has(code)) || connectionMessages.test(error.message)
}

let installed = false

/** Keeps the process up through a database outage (see above); installed once per process. */
export function surviveDatabaseOutages(log: (line: string) => void = console.error): void {
  if (installed) return
  installed = true
  process.on('unhandledRejection', (reason) => {
    if (isConnectionLoss(reason)) {
      log(`[relais] database unreachable, a background statement failed: ${(reason as Error).message}`)
      return
    }
    // As Node would have done without this handler.
    throw reason
  })
}
