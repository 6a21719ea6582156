import pg from 'pg'
import { type CpuPerRequest, countCpu } from './cpu.js'
import type { ServerProcess } from './server.js'

export interface EmailDrain {
  /** E-mails waiting when the worker started. */
  emails: number
  seconds: number
  perSecond: number
  /** Whether every one was sent within the time allowed. */
  complete: boolean
  cpu: CpuPerRequest
}

const waiting = `select count(*)::int as n from pgboss.job where name = 'send-email' and state in ('created', 'retry', 'active')`

/**
 * Starts the e-mail worker on the e-mails a load left queued and times it until none waits: how
 * fast one `relais worker` sends what a spike of sign-ups asked for, and what each e-mail costs.
 */
export async function drainEmails(
  databaseUrl: string,
  startWorker: () => Promise<ServerProcess>,
  timeoutMs = 600_000,
): Promise<{ worker: ServerProcess; drain: EmailDrain }> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const count = async () => (await client.query<{ n: number }>(waiting)).rows[0]?.n ?? 0
    const emails = await count()
    const started = performance.now()
    const worker = await startWorker()
    const cpu = countCpu(() => [worker.pid])
    let left = emails
    while (left > 0 && performance.now() - started < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      left = await count()
    }
    const seconds = (performance.now() - started) / 1000
    const sent = emails - left
    return {
      worker,
      drain: {
        emails,
        seconds: Math.round(seconds * 10) / 10,
        perSecond: Math.round(sent / Math.max(seconds, 0.001)),
        complete: left === 0,
        cpu: cpu.stop(sent),
      },
    }
  } finally {
    await client.end()
  }
}
