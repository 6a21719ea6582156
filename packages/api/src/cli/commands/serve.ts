import type { Command } from 'commander'
import { mailSettingsFrom } from '../../mail/settings.js'
import { parsePort, portFrom, storageFrom, userDirectory } from '../../server/environment.js'
import { startServer, stopOnSignals } from '../../server/start.js'
import type { CliIo } from '../io.js'

export function addServeCommand(program: Command, io: CliIo) {
  program
    .command('serve')
    .description('Start the API server (migrates the database first).')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8787; 0 picks a free one)')
    .option('--host <host>', 'interface to listen on (default: HOST or 127.0.0.1; 0.0.0.0 for every interface)')
    .option('--demo', 'seed the demo organization on first start and show it on /')
    .option('--no-worker', 'do not run background jobs (e-mail, purges) here: run `relais worker` beside it')
    .addHelpText(
      'after',
      `
Examples:
  relais serve --demo               the demo party on http://localhost:8787 (what pnpm start runs)
  PORT=3000 relais serve            an empty server on port 3000
  HOST=0.0.0.0 DATABASE_URL=postgres://relais@db:5432/relais relais serve
                                    in a container, on PostgreSQL
  DATABASE_URL=… SMTP_URL=smtp://user:pass@mail.example.org:587 relais serve --no-worker
                                    API only; e-mails sent by \`relais worker\` processes`,
    )
    .action(async (options: { port?: string; host?: string; demo?: boolean; worker: boolean }) => {
      const starting = startServer({
        ...storageFrom(io.env, io.cwd),
        port: options.port === undefined ? portFrom(io.env) : parsePort(options.port, '--port'),
        host: options.host ?? (io.env.HOST || '127.0.0.1'),
        demo: options.demo ?? false,
        publicUrl: io.env.RELAIS_PUBLIC_URL || undefined,
        log: io.out,
        cwd: userDirectory(io.env, io.cwd),
        worker: options.worker,
        mail: mailSettingsFrom(io.env),
      })
      stopOnSignals(starting, io.err)
      await starting
    })
}
