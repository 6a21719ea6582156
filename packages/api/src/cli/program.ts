import { Command } from 'commander'
import { addJobsCommands } from './commands/jobs.js'
import { addKeysCommands } from './commands/keys.js'
import { addMigrateCommand } from './commands/migrate.js'
import { addOrgsCommands } from './commands/orgs.js'
import { addSeedCommand } from './commands/seed.js'
import { addServeCommand } from './commands/serve.js'
import { addWorkerCommand } from './commands/worker.js'
import { reportError } from './errors.js'
import { type CliIo, processIo } from './io.js'

const environment = `
Environment:
  DATABASE_URL       a PostgreSQL server (postgres://user@host:5432/db) instead of the embedded database
  RELAIS_DATA_DIR    where the embedded database and demo.json live (default: ./.relais)
  PORT, HOST         where the server listens (default: 127.0.0.1:8787)
  RELAIS_PUBLIC_URL  the address visitors reach (default: http://localhost:PORT); links in e-mails use it
  SMTP_URL           an SMTP server for e-mail (smtp://user:password@host:587); without it, e-mails are kept
                     in the database and shown at /dev/mailbox
  RELAIS_MAIL_FROM   the sender address of e-mails (default: no-reply@ the public host)
  RELAIS_DEV_MAILBOX 1 to serve /dev/mailbox even with SMTP_URL
  RELAIS_UNCONFIRMED_DAYS  days before sign-ups never confirmed are erased (default: 14)
  RELAIS_RATE_LIMITS off, or overrides such as public-write=30/60,email=5/3600 (requests/seconds; defaults:
                     public-read=600/60, public-write=20/60, email=5/3600, secret=1200/60)
  TRUST_PROXY        proxy hops (1) or proxy addresses/ranges (10.0.0.0/8) whose X-Forwarded-For is believed
  RELAIS_PROOF_OF_WORK  off, or how hard the proof of work of public forms is (default: 100000)
  RELAIS_PUBLIC_CACHE_MS  how long public answers are kept in memory, in ms (default: 1000; 0 for none)
  RELAIS_WEBHOOKS_ALLOW_PRIVATE  1 to let webhooks reach private and loopback addresses (development only)`

/** The `relais` command line: every command reads and writes through `io`. */
export function createProgram(io: CliIo): Command {
  const program = new Command('relais')
    .description('Relais: the organizing toolkit of a party or campaign (API server and administration).')
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(`relais: ${text.replace(/^error: /, '').trim()}\n`),
    })
    .showSuggestionAfterError()
    .addHelpText('after', environment)
  // Subcommands made with .command() inherit the output and exit settings above.
  for (const add of [
    addServeCommand,
    addWorkerCommand,
    addJobsCommands,
    addMigrateCommand,
    addSeedCommand,
    addOrgsCommands,
    addKeysCommands,
  ]) {
    add(program, io)
  }
  return program
}

/** Runs the command line and gives the exit code; errors are reported, never thrown. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    await createProgram(io).parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    return reportError(error, io)
  }
}
