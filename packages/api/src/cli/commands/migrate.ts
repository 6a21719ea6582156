import type { Command } from 'commander'
import { migrateToLatest } from '../../db/migrate.js'
import type { CliIo } from '../io.js'
import { withDatabase } from '../storage.js'

export function addMigrateCommand(program: Command, io: CliIo) {
  program
    .command('migrate')
    .description('Bring the database schema to the latest version (safe to run at any time).')
    .addHelpText(
      'after',
      `
Examples:
  relais migrate                                       the embedded database in ./.relais
  DATABASE_URL=postgres://relais@db:5432/relais relais migrate`,
    )
    .action(async () => {
      await withDatabase(
        io,
        async (db, { where }) => {
          const { applied } = await migrateToLatest(db)
          io.out(applied.length > 0 ? `Migrated ${where}: ${applied.join(', ')}.` : `${where} is up to date.`)
        },
        { migrate: false },
      )
    })
}
