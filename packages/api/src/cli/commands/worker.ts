import type { Command } from 'commander'
import { migrateToLatest } from '../../db/migrate.js'
import { describeMail, runJobs } from '../../jobs/run.js'
import { mailSettingsFrom } from '../../mail/settings.js'
import { openStorage } from '../../server/database.js'
import {
  describeStorage,
  portFrom,
  publicUrlFor,
  storageFrom,
  UsageError,
  userDirectory,
} from '../../server/environment.js'
import { stopOnSignals } from '../../server/start.js'
import type { CliIo } from '../io.js'

export function addWorkerCommand(program: Command, io: CliIo) {
  program
    .command('worker')
    .description('Run the background jobs (e-mail, purges) without serving HTTP, until stopped.')
    .option('--concurrency <count>', 'jobs of each queue run at once (default: 2 for e-mail, 1 otherwise)')
    .addHelpText(
      'after',
      `
\`relais serve\` runs the jobs itself unless started with --no-worker. On PostgreSQL, run as many
workers as you like beside the servers: each job runs once. The embedded database belongs to one
process at a time: there, \`relais worker\` only works while no server runs.

Set RELAIS_PUBLIC_URL as for the server: it makes the links in e-mails.

Examples:
  DATABASE_URL=postgres://relais@db:5432/relais SMTP_URL=smtp://user:pass@mail.example.org:587 \\
  RELAIS_PUBLIC_URL=https://relais.example.org relais worker`,
    )
    .action(async (options: { concurrency?: string }) => {
      const concurrency = options.concurrency === undefined ? undefined : Number(options.concurrency)
      if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 50)) {
        throw new UsageError(`--concurrency must be a whole number from 1 to 50, not "${options.concurrency}".`)
      }
      const storage = storageFrom(io.env, io.cwd)
      const where = describeStorage(storage, userDirectory(io.env, io.cwd))
      const mail = mailSettingsFrom(io.env)
      const publicUrl = publicUrlFor(portFrom(io.env), io.env.RELAIS_PUBLIC_URL || undefined)
      const starting = (async () => {
        const database = await openStorage(storage)
        try {
          const { applied } = await migrateToLatest(database.db)
          if (applied.length > 0) io.err(`Migrated ${where}: ${applied.join(', ')}.`)
          const worker = await runJobs({ database, publicUrl, mail, log: io.out, concurrency })
          io.err(`Relais worker: running jobs on ${where}. ${describeMail(mail, publicUrl)}. Ctrl-C to stop.`)
          return {
            async close() {
              await worker.stop()
              await database.close()
            },
          }
        } catch (error) {
          await database.close()
          throw error
        }
      })()
      stopOnSignals(starting, io.err)
      await starting
    })
}
