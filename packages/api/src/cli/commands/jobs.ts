import type { Command } from 'commander'
import { listFailedJobs } from '../../jobs/dead-letters.js'
import { UsageError } from '../../server/environment.js'
import type { CliIo } from '../io.js'
import { withDatabase } from '../storage.js'
import { table } from '../table.js'

export function addJobsCommands(program: Command, io: CliIo) {
  const jobs = program.command('jobs').description('The background job queue (pg-boss, in the database).')

  jobs
    .command('failed')
    .description('List the dead letters: jobs that failed after their last retry, newest first.')
    .option('--limit <count>', 'how many (default 20, at most 500)', '20')
    .addHelpText(
      'after',
      `
A failed job keeps its payload (ids, no personal data) and its last error. pg-boss archives it after
a week and deletes it a week later.

Examples:
  relais jobs failed
  DATABASE_URL=postgres://relais@db:5432/relais relais jobs failed --limit 100`,
    )
    .action(async (options: { limit: string }) => {
      const limit = Number(options.limit)
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
        throw new UsageError(`--limit must be a whole number from 1 to 500, not "${options.limit}".`)
      }
      await withDatabase(io, async (db) => {
        const failed = await listFailedJobs(db, { limit })
        if (failed.length === 0) {
          io.err('No failed job.')
          return
        }
        const rows = failed.map((job) => [
          job.failedAt?.toISOString() ?? '',
          job.name,
          job.id,
          String(job.attempts),
          JSON.stringify(job.data),
          job.error.replace(/\s+/g, ' ').slice(0, 120),
        ])
        io.out(table(['failed at', 'queue', 'id', 'attempts', 'payload', 'last error'], rows))
      })
    })
}
