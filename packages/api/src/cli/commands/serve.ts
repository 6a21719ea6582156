import type { Command } from 'commander'
import { mailSettingsFrom } from '../../mail/settings.js'
import { parsePort, portFrom, storageFrom, userDirectory } from '../../server/environment.js'
import { proofOfWorkFrom } from '../../server/proof-of-work-settings.js'
import { publicCacheMsFrom } from '../../server/public-cache-settings.js'
import { rateLimitsFrom, trustProxyFrom } from '../../server/rate-limit-settings.js'
import { startServer, stopOnSignals } from '../../server/start.js'
import { startCluster, workerIndex } from '../../server/start-cluster.js'
import type { CliIo } from '../io.js'

export function addServeCommand(program: Command, io: CliIo) {
  program
    .command('serve')
    .description('Start the API server (migrates the database first).')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8787; 0 picks a free one)')
    .option('--host <host>', 'interface to listen on (default: HOST or 127.0.0.1; 0.0.0.0 for every interface)')
    .option('--demo', 'seed the demo organization on first start and show it on /')
    .option('--no-worker', 'do not run background jobs (e-mail, purges) here: run `relais worker` beside it')
    .option('--workers <n>', 'serve from N processes sharing the port (PostgreSQL only; default 1)')
    .addHelpText(
      'after',
      `
Examples:
  relais serve --demo               the demo party on http://localhost:8787 (what pnpm start runs)
  PORT=3000 relais serve            an empty server on port 3000
  HOST=0.0.0.0 DATABASE_URL=postgres://relais@db:5432/relais relais serve
                                    in a container, on PostgreSQL
  DATABASE_URL=… SMTP_URL=smtp://user:pass@mail.example.org:587 relais serve --no-worker
                                    API only; e-mails sent by \`relais worker\` processes
  DATABASE_URL=… relais serve --workers 4
                                    four processes on one port, for four cores`,
    )
    .action(async (options: { port?: string; host?: string; demo?: boolean; worker: boolean; workers?: string }) => {
      if (options.workers !== undefined && (await startCluster({ workers: options.workers, demo: options.demo, io })))
        return
      // In a cluster, the first worker runs the background jobs and prints the banner; the others stay quiet.
      const index = workerIndex()
      const starting = startServer({
        ...storageFrom(io.env, io.cwd),
        port: options.port === undefined ? portFrom(io.env) : parsePort(options.port, '--port'),
        host: options.host ?? (io.env.HOST || '127.0.0.1'),
        demo: options.demo ?? false,
        publicUrl: io.env.RELAIS_PUBLIC_URL || undefined,
        log: index === undefined || index === 1 ? io.out : () => {},
        cwd: userDirectory(io.env, io.cwd),
        worker: options.worker && (index === undefined || index === 1),
        mail: mailSettingsFrom(io.env),
        rateLimits: rateLimitsFrom(io.env) ?? false,
        trustProxy: trustProxyFrom(io.env),
        proofOfWork: proofOfWorkFrom(io.env),
        publicCacheMs: publicCacheMsFrom(io.env),
      })
      stopOnSignals(starting, io.err)
      await starting
    })
}
