import type { Kysely } from 'kysely'
import type { Listen } from '../db/database.js'
import type { Database } from '../db/types.js'
import type { OutboxMessage } from '../mail/outbox.js'
import { outboxMailer } from '../mail/transport.js'
import type { JobDefinition } from './context.js'
import { type RunningWorker, startWorker } from './worker.js'

export interface TestWorker extends RunningWorker {
  /** Every line the jobs logged. */
  lines: string[]
}

/** For tests: the jobs of Relais (or `definitions`) on a test database, e-mail into the outbox. */
export async function startTestWorker(
  database: { db: Kysely<Database>; listen?: Listen },
  {
    definitions,
    publicUrl = 'http://relais.test',
    stopTimeoutMs,
    pollSeconds = 0.5,
  }: { definitions?: JobDefinition[]; publicUrl?: string; stopTimeoutMs?: number; pollSeconds?: number } = {},
): Promise<TestWorker> {
  const lines: string[] = []
  const worker = await startWorker({
    db: database.db,
    listen: database.listen,
    definitions,
    pollSeconds,
    stopTimeoutMs,
    context: {
      mailer: outboxMailer(),
      publicUrl,
      mailFrom: 'no-reply@relais.test',
      unconfirmedDays: 14,
      log: (line) => lines.push(line),
    },
  })
  return { lines, stop: () => worker.stop() }
}

/** Waits for `check` to answer something, polling every 100 ms. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const found = await check()
    if (found !== undefined) return found
    if (Date.now() > until) throw new Error(`Nothing came within ${timeoutMs} ms.`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The newest message kept for an address, once it is there. */
export function mailTo(db: Kysely<Database>, address: string, template?: string): Promise<OutboxMessage> {
  return eventually(() =>
    db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', address)
      .$if(template !== undefined, (qb) => qb.where('template', '=', template ?? ''))
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  )
}
