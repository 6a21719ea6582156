import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../test/database.js'
import type { JobDefinition } from './context.js'
import { listFailedJobs } from './dead-letters.js'
import { installJobQueue } from './install.js'
import { enqueue } from './queue.js'
import { eventually, startTestWorker } from './test-worker.js'

let database: TestDatabase
beforeAll(async () => {
  database = await openTestDatabase()
  await installJobQueue(database.db, {
    'test-batch-mixed': { retryLimit: 1, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 },
    'test-batch-bound': { retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 },
    'test-batch-stop': { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 },
    'test-batch-window': { retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 2 },
    'test-batch-expiry': { retryLimit: 1, retryDelay: 1, retryBackoff: false, expireInSeconds: 1 },
  })
})
afterAll(() => database.close())

const db = () => database.db
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Row {
  id: string
  state: string
  retry_count: number
  started_on: Date | null
  data: { n: number }
}

async function jobRows(name: string): Promise<Row[]> {
  const { rows } = await sql<Row>`select id, state, retry_count, started_on, data
    from pgboss.job where name = ${name} order by (data->>'n')::int`.execute(db())
  return rows
}

/** Commits `count` jobs numbered from 0 in one transaction: a worker started afterwards fetches them together. */
async function enqueueNumbered(name: string, count: number): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      for (let n = 0; n < count; n++) await enqueue(trx, name, { n })
    })
}

describe('a batch of jobs', () => {
  it('settles each job on its own: one failing retries alone, and each other is completed once, as it ends', async () => {
    const runs: { n: number; attempt: number; completedBefore: number }[] = []
    const mixed: JobDefinition<{ n: number }> = {
      name: 'test-batch-mixed',
      batchSize: 10,
      async run({ n }, _context, job) {
        // The jobs that succeeded before this one are already marked so, not at the end of the batch.
        const { rows } = await sql<{ count: number }>`select count(*)::int as count from pgboss.job
          where name = 'test-batch-mixed' and state = 'completed'`.execute(db())
        runs.push({ n, attempt: job.attempt, completedBefore: rows[0]?.count ?? -1 })
        if (n === 2) throw new Error(`the SMTP server refused message ${n}`)
      },
    }
    await enqueueNumbered('test-batch-mixed', 6)
    const worker = await startTestWorker(database, { definitions: [mixed as JobDefinition] })
    try {
      const failed = await eventually(async () =>
        (await listFailedJobs(db())).find((job) => job.name === 'test-batch-mixed'),
      )
      expect(failed).toMatchObject({ attempts: 2, data: { n: 2 } })
      expect(failed.error).toContain('the SMTP server refused message 2')
      await pause(1000) // time for a second run of any job, if there were to be one
      expect(runs.filter((run) => run.n === 2).map((run) => run.attempt)).toEqual([1, 2])
      const others = runs.filter((run) => run.n !== 2)
      expect(others.map((run) => run.n).toSorted()).toEqual([0, 1, 3, 4, 5])
      expect(others.every((run) => run.attempt === 1)).toBe(true)
      const firstBatch = runs.slice(0, 6)
      let succeeded = 0
      for (const run of firstBatch) {
        expect(run.completedBefore).toBe(succeeded)
        if (run.n !== 2) succeeded++
      }
      const rows = await jobRows('test-batch-mixed')
      expect(rows.map((row) => row.state)).toEqual([
        'completed',
        'completed',
        'failed',
        'completed',
        'completed',
        'completed',
      ])
      // The five were fetched together: one fetch sets `started_on` for its whole batch.
      const completed = rows.filter((row) => row.state === 'completed')
      expect(new Set(completed.map((row) => row.started_on?.getTime())).size).toBe(1)
      expect(worker.lines.filter((line) => line.includes('failed (attempt'))).toEqual([
        expect.stringContaining('failed (attempt 1 of 2, will retry): the SMTP server refused message 2'),
        expect.stringContaining('failed (attempt 2 of 2, giving up: see relais jobs failed)'),
      ])
    } finally {
      await worker.stop()
    }
  })

  it("runs no more of a queue's jobs at once than its concurrency, batches or not", async () => {
    let now = 0
    let most = 0
    const seen: number[] = []
    const bound: JobDefinition<{ n: number }> = {
      name: 'test-batch-bound',
      concurrency: 2,
      batchSize: 10,
      async run({ n }) {
        now++
        most = Math.max(most, now)
        await pause(20)
        seen.push(n)
        now--
      },
    }
    await enqueueNumbered('test-batch-bound', 24)
    const worker = await startTestWorker(database, { definitions: [bound as JobDefinition] })
    try {
      await eventually(async () => (seen.length >= 24 ? true : undefined))
      await pause(500)
      expect(seen.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, n) => n))
      expect(most).toBeLessThanOrEqual(2)
      const rows = await jobRows('test-batch-bound')
      expect(rows.every((row) => row.state === 'completed')).toBe(true)
      // Fetched ten at a time (by two runners: 10, 10, then 4), not one by one.
      expect(new Set(rows.map((row) => row.started_on?.getTime())).size).toBeLessThanOrEqual(3)
    } finally {
      await worker.stop()
    }
  })

  it('hands back the jobs that could not start within a tenth of their expiry, to run later', async () => {
    const seen: { n: number; attempt: number }[] = []
    // Expiry 2 s: a job of a batch starts within 0.2 s of its fetch, and each takes 0.3 s.
    const slow: JobDefinition<{ n: number }> = {
      name: 'test-batch-window',
      batchSize: 10,
      async run({ n }, _context, job) {
        seen.push({ n, attempt: job.attempt })
        await pause(300)
      },
    }
    await enqueueNumbered('test-batch-window', 3)
    const worker = await startTestWorker(database, { definitions: [slow as JobDefinition] })
    try {
      await eventually(async () => (seen.length >= 3 ? true : undefined))
      await pause(1000)
      expect(seen.map((run) => run.n).toSorted()).toEqual([0, 1, 2])
      expect(seen.every((run) => run.attempt === 1)).toBe(true)
      const rows = await eventually(async () => {
        const rows = await jobRows('test-batch-window')
        return rows.every((row) => row.state === 'completed') ? rows : undefined
      })
      expect(rows.every((row) => row.retry_count === 0)).toBe(true)
      expect(worker.lines).toContainEqual(
        expect.stringContaining('put back in the queue unstarted (not started within 0.2 s'),
      )
    } finally {
      await worker.stop()
    }
  })

  it('counts a job still running at its expiry as failed and tries it again; the rest of its batch runs', async () => {
    const seen: { n: number; attempt: number }[] = []
    const hanging: JobDefinition<{ n: number }> = {
      name: 'test-batch-expiry',
      batchSize: 10,
      async run({ n }, _context, job) {
        seen.push({ n, attempt: job.attempt })
        // The first attempt of job 0 outlives the queue's expiry (1 s); what it does after is not recorded.
        if (n === 0 && job.attempt === 1) await pause(1500)
      },
    }
    await enqueueNumbered('test-batch-expiry', 2)
    const worker = await startTestWorker(database, { definitions: [hanging as JobDefinition] })
    try {
      const rows = await eventually(async () => {
        const rows = await jobRows('test-batch-expiry')
        return rows.every((row) => row.state === 'completed') ? rows : undefined
      })
      await pause(1000)
      expect(rows.map((row) => row.retry_count)).toEqual([1, 0])
      expect(seen.filter((run) => run.n === 0).map((run) => run.attempt)).toEqual([1, 2])
      expect(seen.filter((run) => run.n === 1).map((run) => run.attempt)).toEqual([1])
      expect(worker.lines).toContainEqual(expect.stringContaining('still running 1 s after its fetch'))
    } finally {
      await worker.stop()
    }
  })
})

describe('stopping mid-batch', () => {
  it('runs the jobs already fetched to their end, and loses none', async () => {
    const seen: number[] = []
    const steady: JobDefinition<{ n: number }> = {
      name: 'test-batch-stop',
      batchSize: 10,
      async run({ n }) {
        seen.push(n)
        await pause(100)
      },
    }
    await enqueueNumbered('test-batch-stop', 6)
    const worker = await startTestWorker(database, { definitions: [steady as JobDefinition] })
    await eventually(async () => (seen.length >= 1 ? true : undefined))
    await worker.stop()
    expect(seen.toSorted()).toEqual([0, 1, 2, 3, 4, 5])
    const rows = await jobRows('test-batch-stop')
    expect(rows.map((row) => row.state)).toEqual(Array(6).fill('completed'))
    await sql`delete from pgboss.job where name = 'test-batch-stop'`.execute(db())
  })

  it('past its timeout, puts the jobs not started back in the queue as they were, to run later once', async () => {
    const seen: { n: number; attempt: number }[] = []
    let started: () => void = () => undefined
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve
    })
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const held: JobDefinition<{ n: number }> = {
      name: 'test-batch-stop',
      batchSize: 10,
      async run({ n }, _context, job) {
        seen.push({ n, attempt: job.attempt })
        started()
        await gate
      },
    }
    await enqueueNumbered('test-batch-stop', 5)
    const first = await startTestWorker(database, { definitions: [held as JobDefinition], stopTimeoutMs: 500 })
    await firstStarted
    const stopping = first.stop()
    // The first job holds its batch past the timeout: the four others go back to the queue.
    await eventually(async () => (first.lines.some((line) => line.includes('put back')) ? true : undefined))
    release()
    await stopping
    expect(seen).toHaveLength(1)
    expect(first.lines).toContainEqual(
      expect.stringContaining('4 fetched job(s) put back in the queue unstarted (the worker is stopping)'),
    )
    // The job running at the timeout ended within the second one, and is recorded as it ended.
    const rows = await jobRows('test-batch-stop')
    const ran = seen[0]?.n
    expect(rows.find((row) => row.data.n === ran)?.state).toBe('completed')
    const others = rows.filter((row) => row.data.n !== ran)
    expect(others).toHaveLength(4)
    expect(others.every((row) => row.state === 'created' && row.retry_count === 0 && row.started_on === null)).toBe(
      true,
    )

    const second = await startTestWorker(database, { definitions: [held as JobDefinition] })
    try {
      await eventually(async () => (seen.length >= 5 ? true : undefined))
      await pause(1000)
      expect(seen.map((run) => run.n).toSorted()).toEqual([0, 1, 2, 3, 4])
      expect(seen.every((run) => run.attempt === 1)).toBe(true)
      const rows = await eventually(async () => {
        const rows = await jobRows('test-batch-stop')
        return rows.every((row) => row.state === 'completed') ? rows : undefined
      })
      expect(rows).toHaveLength(5)
    } finally {
      await second.stop()
    }
  })
})
