import type { Command } from 'commander'
import { orphanedDemoMessage, prepareDemo } from '../../server/demo.js'
import {
  displayPath,
  localOrigins,
  parsePort,
  portFrom,
  publicUrlFor,
  UsageError,
  userDirectory,
} from '../../server/environment.js'
import type { CliIo } from '../io.js'
import { withDatabase } from '../storage.js'

export function addSeedCommand(program: Command, io: CliIo) {
  program
    .command('seed')
    .description('Seed the demo organization, once, and write its keys to demo.json in RELAIS_DATA_DIR.')
    .option('--demo', 'the fictional party used by the demo page and the examples (the only seed so far)')
    .option(
      '-p, --port <port>',
      'the port the server will listen on, allowed as a browser origin (default: PORT or 8787)',
    )
    .addHelpText(
      'after',
      `
Examples:
  relais seed --demo
  DATABASE_URL=postgres://relais@db:5432/relais RELAIS_DATA_DIR=/srv/relais relais seed --demo

Running it again does not seed twice: it prints the keys recorded in demo.json.`,
    )
    .action(async (options: { demo?: boolean; port?: string }) => {
      if (!options.demo) throw new UsageError('Say what to seed: relais seed --demo (the only seed so far).')
      const port = options.port === undefined ? portFrom(io.env) : parsePort(options.port, '--port')
      const apiUrl = publicUrlFor(port, io.env.RELAIS_PUBLIC_URL)
      const origins = localOrigins(port, apiUrl)
      await withDatabase(io, async (db, storage) => {
        const outcome = await prepareDemo(db, {
          dataDir: storage.dataDir,
          apiUrl,
          origins,
          where: storage.where,
          log: io.err,
        })
        if (outcome.state === 'orphaned') throw new UsageError(orphanedDemoMessage(outcome))
        if (outcome.state === 'existing') io.err(`The demo organization was seeded before; nothing to do.`)
        io.out(
          [
            `organization     ${outcome.info.organization_id}`,
            `publishable key  ${outcome.info.publishable_key}`,
            `secret key       ${outcome.info.secret_key}`,
            `saved in         ${displayPath(outcome.file, userDirectory(io.env, io.cwd))} (readable by you only)`,
          ].join('\n'),
        )
      })
    })
}
